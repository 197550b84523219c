// The legacy builder's JSON stream printed as the docker CLI prints it (jsonmessage): `stream` text
// as it comes, `status` lines by id (redrawn in place on a terminal), and the context upload as
// "Sending build context to Docker daemon".
import type { BuildEvent } from "./build.js";
import { humanSize } from "./human-size.js";
import type { ProgressPrinter } from "./progress-printer.js";

export class LegacyProgress implements ProgressPrinter {
  private lastId: string | null = null;
  private lastStatus = new Map<string, string>();
  private uploading = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly isTty: boolean,
  ) {}

  private endLine(): void {
    if (this.lastId !== null || this.uploading) this.write("\n");
    this.lastId = null;
    this.uploading = false;
  }

  event(e: BuildEvent): void {
    switch (e.type) {
      case "upload": {
        const line = `Sending build context to Docker daemon  ${humanSize(e.bytes)}`;
        if (this.isTty) {
          this.write("\r\x1b[K" + line);
          this.uploading = true;
          if (e.done) this.endLine();
        } else if (e.done) this.write(line + "\n");
        return;
      }
      case "note":
        this.endLine();
        this.write(`note: ${e.message}\n`);
        return;
      case "message": {
        const m = e.message;
        if (typeof m.stream === "string") {
          this.endLine();
          this.write(m.stream);
        } else if (m.status !== undefined) {
          const text = `${m.id ? m.id + ": " : ""}${m.status}${m.progress ? " " + m.progress : ""}`;
          if (this.isTty) {
            if (this.lastId === (m.id ?? "")) this.write("\r\x1b[K" + text);
            else {
              this.endLine();
              this.write(text);
            }
            this.lastId = m.id ?? "";
          } else if (this.lastStatus.get(m.id ?? "") !== m.status) {
            // Off a terminal each status once, not every progress tick.
            this.lastStatus.set(m.id ?? "", m.status);
            this.write(`${m.id ? m.id + ": " : ""}${m.status}\n`);
          }
        }
        return;
      }
      default:
        return;
    }
  }

  finish(): void {
    this.endLine();
  }
}
