// The build response: JSON messages, each followed by `\r\n`, split anywhere across chunks (a
// message may span chunks and a chunk may hold several, or cut a UTF-8 character in two).
import { StringDecoder } from "node:string_decoder";

/** One message of the build stream (jsonstream.Message and the older fields). */
export interface StreamMessage {
  stream?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number; start?: number; hidecounts?: boolean; units?: string };
  id?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { code?: number; message?: string };
}

/** Yields each JSON message; a line that is not JSON comes back as `{ stream: line }`. */
export async function* readMessages(body: AsyncIterable<Buffer | string>): AsyncGenerator<StreamMessage> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const parse = (line: string): StreamMessage | null => {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (text.trim() === "") return null;
    try {
      const v = JSON.parse(text) as unknown;
      return v && typeof v === "object" ? (v as StreamMessage) : { stream: text + "\n" };
    } catch {
      return { stream: text + "\n" };
    }
  };
  for await (const chunk of body) {
    pending += typeof chunk === "string" ? chunk : decoder.write(chunk);
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      const m = parse(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      if (m) yield m;
    }
  }
  pending += decoder.end();
  const last = parse(pending);
  if (last) yield last;
}
