// Splitting a JSON array into its elements as its bytes arrive, holding one element at most:
// the bytes of each element are handed on whole, for JSON.parse to read. Only what separates
// elements is checked here (brackets, commas, strings and their escapes, whitespace); what is
// inside an element is the parser's to judge. Works on bytes, so a chunk may end anywhere,
// within a multi-byte character too: every byte that delimits is ASCII, and no byte of a
// multi-byte UTF-8 character is.

/**
 * What the splitter found: an element's bytes (1-based `index`), an element too long to hold, or
 * a failure that ends the reading, with the line it is reported at (0: the input as a whole).
 */
export type Piece =
  | { index: number; bytes: Uint8Array }
  | { index: number; tooLong: true }
  | { failure: string; line: number };

const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

type State =
  | 'start' // before the opening [
  | 'first' // after [, before the first element or ]
  | 'next' // after a comma, before an element
  | 'element'
  | 'after' // after an element, before a comma or ]
  | 'end' // after the closing ]
  | 'done'; // failed: nothing more is read

const REST = 'the rest was not read';

export class JsonArraySplitter {
  private state: State = 'start';
  /** Bytes read before the current chunk. */
  private offset = 0;
  /** Elements begun so far. */
  private index = 0;
  private parts: Uint8Array[] = [];
  private size = 0;
  private tooLong = false;
  /** The element being read: '{' or '[' (nested), '"' (a string) or 's' (a number or literal). */
  private kind: '{' | '"' | 's' = '{';
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly maxElementBytes: number) {}

  /** The pieces completed by `chunk`, in order. */
  push(chunk: Uint8Array): Piece[] {
    const out: Piece[] = [];
    let from = -1; // where the current element starts in this chunk, -1 if not in one
    if (this.state === 'element') from = 0;
    for (let i = 0; i < chunk.length && this.state !== 'done'; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case 'element': {
          const end = this.scan(b);
          if (end === 'continue') break;
          // a number or literal ends before the byte that ends it; that byte is read again
          const stop = end === 'before' ? i : i + 1;
          this.keep(chunk.subarray(from, stop));
          out.push(this.finish());
          from = -1;
          this.state = 'after';
          if (end === 'before') i -= 1;
          break;
        }
        case 'start':
          if (isSpace(b) || (this.offset + i < 3 && isBomByte(this.offset + i, b))) break;
          if (b === OPEN_ARRAY) this.state = 'first';
          else this.fail(out, 0, this.notAnArray(chunk, i));
          break;
        case 'first':
        case 'next':
          if (isSpace(b)) break;
          if (b === CLOSE_ARRAY && this.state === 'first') this.state = 'end';
          else if (b === 0 && this.state === 'first' && this.offset + i <= 2)
            this.fail(out, 0, 'looks like UTF-16 text; save the file as UTF-8');
          else if (b === CLOSE_ARRAY || b === COMMA) {
            const expected = this.state === 'first' ? 'a record or "]"' : 'a record after ","';
            this.fail(out, this.index + 1, this.unexpected(chunk, i, expected));
          } else {
            this.begin(b);
            from = i;
          }
          break;
        case 'after':
          if (isSpace(b)) break;
          if (b === COMMA) this.state = 'next';
          else if (b === CLOSE_ARRAY) this.state = 'end';
          else
            this.fail(
              out,
              this.index + 1,
              this.unexpected(chunk, i, `"," or "]" after record ${this.index}`),
            );
          break;
        case 'end':
          if (!isSpace(b)) this.fail(out, 0, this.unexpected(chunk, i, 'nothing after the closing "]"'));
          break;
      }
    }
    if (this.state === 'element' && from !== -1) this.keep(chunk.subarray(from));
    this.offset += chunk.length;
    return out;
  }

  /** The pieces the end of the input completes or fails. */
  end(): Piece[] {
    const out: Piece[] = [];
    if (this.state === 'element' && this.kind === 's') {
      out.push(this.finish());
      this.state = 'after';
    }
    if (this.state === 'start') this.fail(out, 0, 'is empty; send a JSON array of records');
    else if (this.state !== 'end' && this.state !== 'done') {
      const inside = this.state === 'element';
      const where = inside
        ? `within record ${this.index}`
        : this.index === 0
          ? 'before its first record'
          : `after record ${this.index}`;
      const line = inside ? this.index : this.index + 1;
      this.fail(out, line, `ends ${where}, before the array's closing "]": the data is cut short`);
    }
    this.state = 'done';
    return out;
  }

  private begin(b: number): void {
    this.index += 1;
    this.state = 'element';
    this.parts = [];
    this.size = 0;
    this.tooLong = false;
    this.escaped = false;
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      this.kind = '{';
      this.depth = 1;
      this.inString = false;
    } else if (b === QUOTE) {
      this.kind = '"';
      this.inString = true;
    } else this.kind = 's';
  }

  /**
   * One byte of the element after its first: whether it goes on, ends with this byte
   * ('with'), or ended before it ('before', numbers and literals).
   */
  private scan(b: number): 'continue' | 'with' | 'before' {
    if (this.kind === 's') return isSpace(b) || b === COMMA || b === CLOSE_ARRAY ? 'before' : 'continue';
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (b === BACKSLASH) this.escaped = true;
      else if (b === QUOTE) {
        this.inString = false;
        if (this.kind === '"') return 'with';
      }
      return 'continue';
    }
    if (b === QUOTE) this.inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) this.depth += 1;
    else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      this.depth -= 1;
      if (this.depth === 0) return 'with';
    }
    return 'continue';
  }

  /** Keep a piece of the element, unless it grew past the limit (then only its end is looked for). */
  private keep(piece: Uint8Array): void {
    if (this.tooLong || piece.length === 0) return;
    this.size += piece.length;
    if (this.size > this.maxElementBytes) {
      this.tooLong = true;
      this.parts = [];
    } else this.parts.push(piece);
  }

  private finish(): Piece {
    const index = this.index;
    if (this.tooLong) return { index, tooLong: true };
    // Views into the chunks, as linesOf keeps them: a source must not reuse a chunk's memory.
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    return { index, bytes };
  }

  private fail(out: Piece[], line: number, message: string): void {
    out.push({ failure: message, line });
    this.state = 'done';
    this.parts = [];
  }

  private notAnArray(chunk: Uint8Array, i: number): string {
    const b = chunk[i]!;
    if ((this.offset + i <= 1 && (b === 0xff || b === 0xfe)) || b === 0)
      return 'looks like UTF-16 text; save the file as UTF-8';
    const what =
      STARTS[String.fromCharCode(b)] ?? (/[-0-9]/.test(String.fromCharCode(b)) ? 'a number' : undefined);
    if (what !== undefined) return `must be a JSON array of records, got ${what}`;
    return this.unexpected(chunk, i, 'a JSON array of records ("[")');
  }

  private unexpected(chunk: Uint8Array, i: number, expected: string): string {
    const shown = new TextDecoder()
      .decode(chunk.subarray(i, i + 4))
      .replace(/\uFFFD+$/, '')
      .slice(0, 1);
    const got = shown === '' ? 'a byte that is not text' : JSON.stringify(shown);
    const rest = this.state === 'end' ? '' : `; ${REST}`;
    return `is not valid JSON at byte ${this.offset + i + 1}: expected ${expected}, got ${got}${rest}`;
  }
}

const STARTS: Record<string, string> = {
  '{': 'an object',
  '"': 'a string',
  t: 'true',
  f: 'false',
  n: 'null',
};

/** The UTF-8 byte order mark EF BB BF, allowed as the first three bytes only. */
const isBomByte = (at: number, b: number): boolean => [0xef, 0xbb, 0xbf][at] === b;
