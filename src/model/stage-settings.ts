// Small readers for a stage's image settings.
import type { Range } from "../syntax/tree.js";
import type { ExposedPort } from "./model.js";

/** WORKDIR as BuildKit keeps it: a relative path is joined to the previous WORKDIR (or /), then cleaned. */
export function resolveWorkdir(current: string | null, path: string): string {
  const joined = path.startsWith("/") ? path : `${current ?? "/"}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

/** One EXPOSE word after expansion: `80`, `80/tcp`, `8000-8010/udp`. Malformed ports keep null numbers. */
export function parseExposedPort(text: string, range: Range): ExposedPort {
  const slash = text.indexOf("/");
  const ports = slash < 0 ? text : text.slice(0, slash);
  const protocol = slash < 0 ? "tcp" : text.slice(slash + 1);
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  return {
    text,
    start: m ? Number(m[1]) : null,
    end: m ? Number(m[2] ?? m[1]) : null,
    protocol,
    range,
  };
}
