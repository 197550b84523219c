// Walking a syntax tree in tests.
import type { SyntaxNode, Token } from "../../src/index.js";

const TOKEN_KINDS = new Set(["bom", "whitespace", "newline", "continuation", "comment", "text", "heredoc-line"]);

export function isLeaf(node: SyntaxNode): node is Token {
  return TOKEN_KINDS.has(node.kind);
}

/** The leaves of a tree in source order. */
export function leaves(node: SyntaxNode, out: Token[] = []): Token[] {
  if (isLeaf(node)) out.push(node);
  else for (const child of node.children) leaves(child, out);
  return out;
}

/** Every node of a tree, parents before children. */
export function nodes(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  out.push(node);
  for (const child of node.children) nodes(child, out);
  return out;
}

/** Problems with the tree's losslessness and range nesting, empty when all is well. */
export function treeProblems(text: string, root: SyntaxNode): string[] {
  const problems: string[] = [];
  const all = leaves(root);
  if (all.map((l) => l.text).join("") !== text) problems.push("leaves do not spell the input");
  let at = 0;
  for (const leaf of all) {
    if (leaf.range.start.offset !== at) problems.push(`gap or overlap before leaf at ${leaf.range.start.offset}`);
    if (leaf.text !== text.slice(leaf.range.start.offset, leaf.range.end.offset)) problems.push(`leaf text differs at ${at}`);
    at = leaf.range.end.offset;
  }
  if (at !== text.length) problems.push(`leaves end at ${at}, not ${text.length}`);
  const check = (node: SyntaxNode) => {
    let last = node.range.start.offset;
    for (const child of node.children) {
      if (child.range.start.offset < last || child.range.end.offset > node.range.end.offset) {
        problems.push(`${child.kind} at ${child.range.start.offset} outside or overlapping in ${node.kind}`);
      }
      if (child.range.start.offset > child.range.end.offset) problems.push(`${child.kind} ends before it starts`);
      last = child.range.end.offset;
      check(child);
    }
  };
  check(root);
  return problems.slice(0, 5);
}
