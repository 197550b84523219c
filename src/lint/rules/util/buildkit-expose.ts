// EXPOSE words as BuildKit reads them: expanded and split into port specs, each split as
// `[ip:][hostPort:]containerPort[/protocol]`.
import type { Model } from "../../../model/model.js";
import type { Dockerfile, Instruction, Range, Word } from "../../../syntax/tree.js";
import { expandKnownWords, rangeAt, valueSpan } from "./buildkit-support.js";

export interface PortSpec {
  ip: string;
  hostPort: string;
  containerPort: string;
  /** As written; empty when none was given (tcp). */
  protocol: string;
}

/** A port spec split as BuildKit splits it, or null where BuildKit fails before its checks (no port, unknown protocol). */
export function splitPortSpec(raw: string): PortSpec | null {
  const parts = raw.split(":");
  const n = parts.length;
  const ip = n >= 3 ? parts.slice(0, n - 2).join(":") : "";
  const hostPort = n >= 2 ? parts[n - 2]! : "";
  const container = parts[n - 1]!;
  const slash = container.indexOf("/");
  const containerPort = slash < 0 ? container : container.slice(0, slash);
  const protocol = slash < 0 ? "" : container.slice(slash + 1);
  if (containerPort === "" || !["", "tcp", "udp", "sctp"].includes(protocol.toLowerCase())) return null;
  return { ip, hostPort, containerPort, protocol };
}

export interface ExposedText {
  /** One port spec after expansion. */
  text: string;
  /** Where the spec is in the source, when the word is written out plainly (no variables, quotes or escapes). */
  span: { start: number; end: number; range: Range } | null;
  /** Where its protocol is, likewise. */
  protocolSpan: { start: number; end: number; range: Range } | null;
}

/** Each EXPOSE word of every stage (ONBUILD triggers left out), with the port specs it expands to. */
export function* exposedWords(text: string, tree: Dockerfile, model: Model): Generator<{ ins: Instruction; word: Word; ports: ExposedText[] }> {
  const at = (node: Word, a: number, b: number) => {
    const s = valueSpan(node, a, b);
    return { ...s, range: rangeAt(text, s.start, s.end) };
  };
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.name !== "EXPOSE") continue;
      for (const word of ins.args) {
        if (word.kind !== "word") continue;
        const v = word.value;
        if (!/[$"'\s]/.test(v) && !v.includes(tree.escape)) {
          const slash = v.lastIndexOf("/");
          const protocolSpan = slash > v.lastIndexOf(":") ? at(word, slash + 1, v.length) : null;
          yield { ins, word, ports: [{ text: v, span: at(word, 0, v.length), protocolSpan }] };
          continue;
        }
        const words = expandKnownWords(model, ins, v, tree.escape);
        if (words) yield { ins, word, ports: words.map((t) => ({ text: t, span: null, protocolSpan: null })) };
      }
    }
  }
}
