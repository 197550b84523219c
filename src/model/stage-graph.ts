// The stage graph: which stage needs which (FROM <stage>, COPY --from, RUN --mount from=), cycles,
// and what a target needs. Iterative walks, so 10,000 chained stages do not exhaust the stack.
import type { Stage, StageEdge } from "./model.js";

/** Edges out of each stage, by stage index. */
export function outgoing(stages: readonly Stage[], edges: readonly StageEdge[]): StageEdge[][] {
  const out: StageEdge[][] = stages.map(() => []);
  for (const e of edges) out[e.from.index]!.push(e);
  return out;
}

// A depth-first walk from `root`, without recursion. `state` is shared between walks: 0 new, 1 on the
// walk's path, 2 done. onEdge sees each edge with the state of its target before the walk follows it;
// onDone sees each stage after every stage it needs.
function walk(
  root: Stage,
  out: readonly StageEdge[][],
  state: Uint8Array,
  onEdge: (edge: StageEdge, targetState: number) => void,
  onDone: (stage: Stage) => void,
): void {
  const stack: Array<[Stage, number]> = [[root, 0]];
  state[root.index] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [stage, next] = top;
    const edges = out[stage.index]!;
    if (next < edges.length) {
      top[1]++;
      const edge = edges[next]!;
      onEdge(edge, state[edge.to.index]!);
      if (state[edge.to.index] === 0) {
        state[edge.to.index] = 1;
        stack.push([edge.to, 0]);
      }
      continue;
    }
    state[stage.index] = 2;
    onDone(stage);
    stack.pop();
  }
}

/** The stages `target` needs, itself included, each after the stages it needs. */
export function stagesNeededBy(target: Stage, out: readonly StageEdge[][], stages: readonly Stage[]): Stage[] {
  const order: Stage[] = [];
  walk(target, out, new Uint8Array(stages.length), () => {}, (s) => order.push(s));
  return order;
}

/** One edge of each cycle: the edge that leads back to a stage still being walked. */
export function cycleEdges(stages: readonly Stage[], out: readonly StageEdge[][]): StageEdge[] {
  const found: StageEdge[] = [];
  const state = new Uint8Array(stages.length);
  for (const root of stages) {
    if (state[root.index] === 0) walk(root, out, state, (edge, s) => s === 1 && found.push(edge), () => {});
  }
  return found;
}

/** Stages ordered so that each comes after the stage it is built FROM (cycles broken where found). */
export function baseOrder(stages: readonly Stage[]): Stage[] {
  const order: Stage[] = [];
  const state = new Uint8Array(stages.length);
  for (const root of stages) {
    const chain: Stage[] = [];
    for (let s: Stage | null = root; s && state[s.index] === 0; s = s.parent) {
      state[s.index] = 1;
      chain.push(s);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      state[chain[i]!.index] = 2;
      order.push(chain[i]!);
    }
  }
  return order;
}
