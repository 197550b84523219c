// BuildKit's progress, decoded from its StatusResponse messages, shown as its own CLI shows it: in
// plain mode one line per event (`#3 [2/4] COPY ...`, `#3 0.512 output`, `#3 DONE 0.3s`); on a
// terminal a block of steps redrawn in place with their timings, and the logs of a failed step after.
import type { BuildEvent } from "./build.js";
import type { Vertex, VertexStatus } from "./buildkit-status.js";
import { humanSize } from "./human-size.js";
import type { ProgressPrinter } from "./progress-printer.js";

interface Step {
  n: number;
  vertex: Vertex;
  logs: string[];
  printedStart: boolean;
  printedEnd: boolean;
  statuses: Map<string, VertexStatus>;
}

const seconds = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(1)}s`;

export class BuildkitProgress implements ProgressPrinter {
  private steps = new Map<string, Step>();
  private order: Step[] = [];
  private started = Date.now();
  private drawnLines = 0;
  private upload: { bytes: number; done: boolean } | null = null;
  private lastDraw = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly isTty: boolean,
    private readonly rows = 24,
  ) {}

  private step(digest: string): Step {
    let s = this.steps.get(digest);
    if (!s) {
      s = { n: this.order.length + 1, vertex: { digest, inputs: [], name: "", cached: false, started: null, completed: null, error: "" }, logs: [], printedStart: false, printedEnd: false, statuses: new Map() };
      this.steps.set(digest, s);
      this.order.push(s);
    }
    return s;
  }

  event(e: BuildEvent): void {
    if (e.type === "upload") {
      this.upload = e;
      if (this.isTty) this.draw(e.done);
      else if (e.done) this.write(`#0 transferring context: ${humanSize(e.bytes)} done\n`);
      return;
    }
    if (e.type === "note") {
      this.clear();
      this.write(`note: ${e.message}\n`);
      return;
    }
    if (e.type === "message") {
      if (typeof e.message.stream === "string" && e.message.stream.trim()) {
        this.clear();
        this.write(e.message.stream.endsWith("\n") ? e.message.stream : e.message.stream + "\n");
      }
      return;
    }
    if (e.type !== "status") return;
    const { status } = e;
    for (const v of status.vertexes) {
      const s = this.step(v.digest);
      s.vertex = v;
      if (!this.isTty) this.plainVertex(s);
    }
    for (const st of status.statuses) {
      const s = this.step(st.vertex);
      s.statuses.set(st.id, st);
      if (!this.isTty && st.completed) this.write(`#${s.n} ${st.id} ${st.total ? `${humanSize(st.current)} / ${humanSize(st.total)}` : humanSize(st.current)} done\n`);
    }
    for (const log of status.logs) {
      const s = this.step(log.vertex);
      const lines = log.msg.replace(/\n$/, "").split("\n");
      s.logs.push(...lines);
      if (s.logs.length > 200) s.logs.splice(0, s.logs.length - 200);
      if (!this.isTty) {
        const at = log.timestamp && s.vertex.started ? ((log.timestamp - s.vertex.started) / 1000).toFixed(3) + " " : "";
        for (const line of lines) this.write(`#${s.n} ${at}${line}\n`);
      }
    }
    for (const w of status.warnings) {
      this.clear();
      this.write(`WARNING: ${w.short}\n`);
    }
    if (this.isTty) this.draw(false);
  }

  private plainVertex(s: Step): void {
    const v = s.vertex;
    if (!s.printedStart && (v.started || v.cached || v.completed)) {
      s.printedStart = true;
      this.write(`#${s.n} ${v.name}\n`);
    }
    if (!s.printedEnd && (v.completed || v.error)) {
      s.printedEnd = true;
      if (v.error) this.write(`#${s.n} ERROR: ${v.error}\n`);
      else if (v.cached) this.write(`#${s.n} CACHED\n`);
      else this.write(`#${s.n} DONE ${seconds((v.completed ?? 0) - (v.started ?? v.completed ?? 0))}\n`);
      this.write("\n");
    }
  }

  private clear(): void {
    if (this.drawnLines > 0) this.write(`\x1b[${this.drawnLines}A\x1b[J`);
    this.drawnLines = 0;
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return; // redraws are throttled, not the data
    this.lastDraw = now;
    const lines: string[] = [];
    const visible = this.order.filter((s) => s.vertex.name && (s.vertex.started || s.vertex.cached || s.vertex.completed));
    const done = visible.filter((s) => s.vertex.completed).length;
    lines.push(`[+] Building ${seconds(now - this.started)} (${done}/${visible.length})`);
    if (this.upload) lines.push(` => transferring context: ${humanSize(this.upload.bytes)}${this.upload.done ? " done" : ""}`);
    const budget = Math.max(3, this.rows - 3);
    for (const s of visible.slice(-budget)) {
      const v = s.vertex;
      const time = v.cached ? "" : ` ${seconds((v.completed ?? now) - (v.started ?? now))}`;
      const mark = v.error ? " => ERROR " : v.cached ? " => CACHED " : " => ";
      lines.push(`${mark}${v.name}${time}`);
    }
    this.clear();
    this.write(lines.join("\n") + "\n");
    this.drawnLines = lines.length;
  }

  finish(): void {
    if (this.isTty) {
      this.draw(true);
      this.drawnLines = 0;
      for (const s of this.order) {
        if (!s.vertex.error) continue;
        this.write(`------\n > ${s.vertex.name}:\n${s.logs.slice(-20).map((l) => "#" + s.n + " " + l).join("\n")}\n------\n`);
      }
    }
  }
}
