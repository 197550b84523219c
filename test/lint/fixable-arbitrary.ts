// A fast-check generator of Dockerfiles full of what the fixable rules flag, written the awkward ways
// that fixes get wrong: values with quotes, `$`, escapes and Unicode spaces; both escape characters;
// commands split by continuations, in exec form, in heredocs, behind ONBUILD; EXPOSE mappings; COPY
// destinations quoted or in JSON. test/syntax/dockerfile-arbitrary.ts covers the syntax at large.
import fc from "fast-check";

// Stands for the file's escape character; replaced when the file is rendered.
const ESC = "\u0000";

const pick = <T>(...items: T[]) => fc.constantFrom(...items);

// Pieces of an ENV, LABEL or MAINTAINER value.
const valuePiece = pick(
  "plain",
  "/usr/local/bin",
  "$PATH",
  "${HOME}/x",
  "${V:-a b}",
  '"two words"',
  "'single $quoted'",
  `a${ESC} b`,
  `say${ESC}"hi${ESC}"`,
  `"in${ESC}"side"`,
  "it's",
  'half"quote',
  "a#b",
  "k=v",
  "<jane@example.com>",
  "C:\\dir",
  "`tick`",
  "日本",
  "$",
  ESC,
);
const blank = pick(" ", " ", "  ", "\t", "\f", "\u00a0", "\u2003", " \v");
const value = fc
  .tuple(valuePiece, fc.array(fc.tuple(blank, valuePiece), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([b, p]) => b + p).join(""));
const key = pick("APP_HOME", "PATH", "V", "org.opencontainers.image.title", "lower_case", "X1");
const stageName = pick("build", "Build", "BASE", "final-Stage", "b2");
const image = pick("debian:12", "alpine:3.20", "ubuntu:24.04", "python:3.12-slim", "fedora:40", "opensuse/leap:15.6", "${BASE}");
const keywordCase = (word: string) => pick(word.toUpperCase(), word.toUpperCase(), word.toLowerCase(), word[0]!.toUpperCase() + word.slice(1).toLowerCase());

// Commands the fixable shell rules look at, and their neighbours.
const command = pick(
  "apt-get install curl",
  "apt-get -q install --no-install-recommends curl=8.5.0-2",
  "apt-get install $PACKAGES",
  "apt install curl",
  "apk add curl",
  "apk add --virtual .deps gcc",
  "apk --update add curl",
  "pip install flask==3.0.3",
  "pip3 install -r requirements.txt",
  "python3 -m pip install --user flask==3.0.3",
  "wget https://example.com/a.tar.gz",
  "wget -O /tmp/a https://example.com/a",
  "useradd -u 1000000 app",
  "useradd --uid=2000000 -m app",
  "dnf install httpd",
  "microdnf install httpd",
  "yum install httpd",
  "yum groupinstall tools",
  "zypper install curl",
  "zypper in curl",
  "sudo apt-get install curl",
  "env DEBIAN_FRONTEND=noninteractive apt-get install curl",
  'sh -c "apt-get install curl"',
  "echo done",
  "cd /tmp",
);
const joiner = pick(" && ", " ; ", " || ", ` && ${ESC}\n    `, ` ${ESC}\n  && `, ` && ${ESC}\n# comment\n    `, " | tee log && ");
// Some commands with a continuation inside, between their words.
const script = fc
  .tuple(command, fc.array(fc.tuple(joiner, command), { maxLength: 2 }), fc.boolean())
  .map(([first, rest, split]) => {
    const text = first + rest.map(([j, c]) => j + c).join("");
    return split ? text.replace(/ (install|add|-u) /, ` $1 ${ESC}\n    `) : text;
  });
const json = (words: string[]) => "[" + words.map((w) => JSON.stringify(w)).join(", ") + "]";

const run = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(keywordCase("RUN"), script).map(([k, s]) => `${k} ${s}`) },
  fc.tuple(keywordCase("RUN"), command).map(([k, c]) => `${k} ${json(c.split(" "))}`),
  fc.tuple(keywordCase("RUN"), script).map(([k, s]) => `${k} <<EOF\nset -e\n${s.replaceAll(ESC + "\n", "\\\n")}\nEOF`),
  fc.tuple(keywordCase("RUN"), script).map(([k, s]) => `${k} --mount=type=cache,target=/var/cache/apt ${s}`),
  fc.tuple(keywordCase("ONBUILD"), script).map(([k, s]) => `${k} RUN ${s}`),
);

const exposeWord = pick("80", "80/TCP", "53/Udp", "8080:80", "127.0.0.1:8080:80/udp", "[::1]:80:80", "1000-1010:2000-2010", "${PORT}:80", '"8080:80"', "9000-9001/SCTP", "x:80");
const dest = pick("/app", "/app/", '"/app"', "'/srv/app'", "$DIR", '"${DIR}"', "dir", ".", "/a b", `/a${ESC} b`);
const source = pick("a.txt", "b.json", '"c d.txt"', "src/", "*.conf", "app.tar.gz", "https://example.com/x.txt", "$SRC");

const instruction = fc.oneof(
  { weight: 4, arbitrary: run },
  fc.tuple(keywordCase("ENV"), key, value).map(([k, n, v]) => `${k} ${n} ${v}`),
  fc.tuple(keywordCase("LABEL"), key, value).map(([k, n, v]) => `${k} ${n} ${v}`),
  fc.tuple(keywordCase("ENV"), key, value).map(([k, n, v]) => `${k} ${n} ${ESC}\n    ${v}`),
  fc.tuple(keywordCase("MAINTAINER"), value).map(([k, v]) => `${k} ${v}`),
  fc.tuple(keywordCase("EXPOSE"), fc.array(exposeWord, { minLength: 1, maxLength: 3 })).map(([k, w]) => `${k} ${w.join(" ")}`),
  fc.tuple(keywordCase("COPY"), fc.array(source, { minLength: 2, maxLength: 3 }), dest).map(([k, s, d]) => `${k} ${s.join(" ")} ${d}`),
  fc.tuple(keywordCase("COPY"), dest).map(([k, d]) => `${k} ${json(["a.txt", "b.txt", d.replace(/^["']|["']$/g, "")])}`),
  fc.tuple(keywordCase("COPY"), dest).map(([k, d]) => `${k} --from=Build a.txt b.txt ${d}`),
  fc.tuple(keywordCase("ADD"), fc.array(source, { minLength: 1, maxLength: 2 }), dest).map(([k, s, d]) => `${k} ${s.join(" ")} ${d}`),
  fc.tuple(keywordCase("ADD"), fc.constantFrom("--chown=app", "--link", "--checksum=sha256:" + "ab".repeat(32))).map(([k, f]) => `${k} ${f} a.txt /app/`),
  // A relative WORKDIR is made absolute only where the directory before it is known.
  fc
    .tuple(fc.boolean(), keywordCase("WORKDIR"), pick("/srv", "app", "./app", "../x", "a b", '"rel dir"', "$DIR/x", "x/../y", "/abs/", `re${ESC} l`, "$HOME"))
    .map(([known, k, p]) => `${known ? "WORKDIR /srv\n" : ""}${k} ${p}`),
  fc.tuple(keywordCase("CMD"), pick('["run"]', "run --flag", "[]")).map(([k, c]) => `${k} ${c}`),
  fc.tuple(keywordCase("ENTRYPOINT"), pick('["/entry"]', "/entry.sh")).map(([k, c]) => `${k} ${c}`),
  fc.tuple(keywordCase("HEALTHCHECK"), pick("CMD curl -f http://localhost/", "NONE", '--interval=5s CMD ["true"]')).map(([k, c]) => `${k} ${c}`),
  fc.tuple(keywordCase("ARG"), pick("DIR=/opt", "PACKAGES", "PORT=80", "SRC=x", "V")).map(([k, a]) => `${k} ${a}`),
  pick("# a comment", "", "USER app", "COPY --from=build /out /app/"),
);

const from = fc
  .tuple(keywordCase("FROM"), image, fc.option(fc.tuple(pick("AS", "as", "As"), stageName), { nil: null }))
  .map(([k, img, as]) => `${k} ${img}${as ? ` ${as[0]} ${as[1]}` : ""}`);

/** Dockerfile text: a directive or not, global ARGs, then stages of fixable instructions. */
export const fixableDockerfile: fc.Arbitrary<string> = fc
  .record({
    escape: pick("\\", "\\", "`"),
    crlf: fc.boolean(),
    globals: fc.array(pick("ARG BASE=debian:12", "ARG DIR=/srv", "ARG V=1"), { maxLength: 2 }),
    stages: fc.array(fc.tuple(from, fc.array(instruction, { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 }),
  })
  .map(({ escape, crlf, globals, stages }) => {
    const lines = [...(escape === "`" ? ["# escape=`"] : []), ...globals, ...stages.flatMap(([f, body]) => [f, ...body])];
    const text = lines.join("\n").replaceAll(ESC, escape) + "\n";
    return crlf ? text.replaceAll("\n", "\r\n") : text;
  });
