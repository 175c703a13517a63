import type { RouterFactory } from './app.js';

/** Every feature's API router, in mount order. */
export const productRouters: readonly RouterFactory[] = [];
