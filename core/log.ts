/**
 * What the product's parts need of a logger (pino's Logger is one): structured fields first,
 * then the message. Parts below `server` take this, never pino itself.
 */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
