// A word of a RUN script whose place in the Dockerfile is worked out when a rule first asks for it. Rules
// read every word of every command but report on few: a range made up front (two offset mappings, a line
// lookup and three objects per word) was a fifth of reading the scripts.
import type { Range } from "../../syntax/tree.js";
import type { ShellWord } from "./types.js";

/** From [start, end) offsets in a script to the Dockerfile range they came from (script-ranges.ts). */
export type RangeOf = (start: number, end: number) => Range;

export class ScriptWord implements ShellWord {
  // Private fields: the word compares (toEqual) and prints by its text and value, as a plain ShellWord does.
  #range: Range | undefined;
  readonly #rangeOf: RangeOf;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly text: string,
    readonly value: string | null,
    rangeOf: RangeOf,
    start: number,
    end: number,
  ) {
    this.#rangeOf = rangeOf;
    this.#start = start;
    this.#end = end;
  }

  get range(): Range {
    return (this.#range ??= this.#rangeOf(this.#start, this.#end));
  }

  toJSON(): { text: string; value: string | null; range: Range } {
    return { text: this.text, value: this.value, range: this.range };
  }
}
