// BuildKit's automatic platform args: the eight the Dockerfile reference documents, split from the
// build and target platforms.
import { describe, expect, it } from "vitest";
import { platformArgs } from "../../src/model/automatic-args.js";

describe("platformArgs", () => {
  it("defines exactly the documented platform args", () => {
    // ../shared/reference/buildkit-dockerfile.md §4.8; BuildKit defines no OS-version or stage args there.
    expect([...platformArgs("linux/amd64", "linux/amd64").keys()].sort()).toEqual(
      ["BUILDARCH", "BUILDOS", "BUILDPLATFORM", "BUILDVARIANT", "TARGETARCH", "TARGETOS", "TARGETPLATFORM", "TARGETVARIANT"],
    );
  });

  it("splits each platform into OS, architecture and variant", () => {
    expect(Object.fromEntries(platformArgs("linux/amd64", "linux/arm/v7"))).toEqual({
      BUILDPLATFORM: "linux/amd64",
      BUILDOS: "linux",
      BUILDARCH: "amd64",
      BUILDVARIANT: "",
      TARGETPLATFORM: "linux/arm/v7",
      TARGETOS: "linux",
      TARGETARCH: "arm",
      TARGETVARIANT: "v7",
    });
  });
});
