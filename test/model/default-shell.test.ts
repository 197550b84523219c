// Without a SHELL, BuildKit runs RUN with `cmd /S /C` on Windows images and `/bin/sh -c` elsewhere;
// offline, the platform or the base image name tells which, and a stage built on another inherits it.
import { describe, expect, it } from "vitest";
import { analyze, lint, parse, type AnalyzeOptions, type Model } from "../../src/index.js";

const model = (text: string, options?: AnalyzeOptions): Model => analyze(parse(text).tree, options);
const CMD = ["cmd", "/S", "/C"];
const SH = ["/bin/sh", "-c"];
/** The shell of the first RUN. */
const shellOfRun = (text: string, options?: AnalyzeOptions) => {
  const m = model(text, options);
  return m.shellAt(m.tree.instructions.find((i) => i.name === "RUN")!);
};

describe("the default shell", () => {
  it.each([
    "mcr.microsoft.com/windows/servercore:ltsc2022",
    "mcr.microsoft.com/windows/nanoserver:ltsc2025",
    "mcr.microsoft.com/windows/server:ltsc2022",
    "mcr.microsoft.com/windows:20H2",
    "mcr.microsoft.com/windows/servercore/iis",
    "mcr.microsoft.com/dotnet/framework/sdk:4.8",
    "mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022",
    "mcr.microsoft.com/powershell:lts-nanoserver-1809",
    "python:3.12-windowsservercore-ltsc2022",
    "golang:1.23-nanoserver",
    "microsoft/nanoserver",
    "eclipse-temurin:21-jdk-windowsservercore-ltsc2025",
  ])("is cmd /S /C on %s", (image) => {
    expect(shellOfRun(`FROM ${image}\nRUN dir\n`)).toEqual(CMD);
  });

  it.each(["alpine:3.20", "mcr.microsoft.com/dotnet/sdk:8.0", "mcr.microsoft.com/devcontainers/python:3.12", "myorg/windows-tools:1", "ghcr.io/acme/servercore-proxy:2"])(
    "is /bin/sh -c on %s",
    (image) => {
      expect(shellOfRun(`FROM ${image}\nRUN ls\n`)).toEqual(SH);
    },
  );

  it("follows the image name through global ARGs", () => {
    const text = "ARG WINDOWS_BASE_IMAGE=mcr.microsoft.com/windows/servercore\nARG TAG=ltsc2022\nFROM ${WINDOWS_BASE_IMAGE}:${TAG}\nRUN dir\n";
    expect(shellOfRun(text)).toEqual(CMD);
    expect(shellOfRun(text, { buildArgs: { WINDOWS_BASE_IMAGE: "debian", TAG: "12" } })).toEqual(SH);
  });

  it("is decided by FROM --platform, over the image name", () => {
    expect(shellOfRun("FROM --platform=windows/amd64 golang:1.23\nRUN go version\n")).toEqual(CMD);
    expect(shellOfRun("FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\nRUN ls\n")).toEqual(SH);
    expect(shellOfRun("FROM --platform=$BUILDPLATFORM golang:1.23\nRUN go version\n", { buildPlatform: "windows/amd64" })).toEqual(CMD);
  });

  it("is the target platform's for images the name does not place, and for scratch", () => {
    expect(shellOfRun("FROM golang:1.23\nRUN go version\n", { platform: "windows/amd64" })).toEqual(CMD);
    expect(shellOfRun("FROM scratch\nRUN dir\n", { platform: "windows/amd64" })).toEqual(CMD);
    expect(shellOfRun("FROM scratch\nRUN ls\n")).toEqual(SH);
  });

  it("is inherited by a stage built on a Windows stage, and replaced by SHELL", () => {
    const text = [
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base",
      "RUN echo one",
      "FROM base AS tools",
      "RUN echo two",
      'SHELL ["powershell", "-Command"]',
      "RUN Write-Host three",
      "FROM alpine:3.20",
      "RUN echo four",
      "",
    ].join("\n");
    const m = model(text);
    const runs = m.tree.instructions.filter((i) => i.name === "RUN");
    expect(runs.map((r) => m.shellAt(r))).toEqual([CMD, CMD, ["powershell", "-Command"], SH]);
    expect(m.stages.map((s) => s.shell)).toEqual([CMD, ["powershell", "-Command"], SH]);
  });

  it("keeps shell rules from reading cmd scripts as POSIX shell", () => {
    const text = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN type C:\\app\\log.txt | findstr /C:\"error\" && apt-get install curl\n";
    const codes = lint(text).findings.map((f) => f.code);
    expect(codes).not.toContain("DL4006");
    expect(codes).not.toContain("DL3014");
    // The same line on a Linux image is read as sh: the pipe and apt-get are found.
    const linux = lint(text.replace("mcr.microsoft.com/windows/servercore:ltsc2022", "debian:12")).findings.map((f) => f.code);
    expect(linux).toEqual(expect.arrayContaining(["DL4006", "DL3014"]));
  });
});
