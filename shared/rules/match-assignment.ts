/**
 * The assignment of every waiting mentee under the mentors' capacities, for an objective: a min-cost flow
 * solved by successive shortest paths with potentials on a sparse graph of each mentee's best candidates,
 * with an optimality certificate checked against every candidate (see `assignMatrix`). Pure functions.
 */
export type Objective = "score" | "coverage";
export type Candidate = { mentorId: string; menteeId: string; score: number };
export type Assignment = { mentorId: string; menteeId: string; score: number };

/** Marks a mentor-mentee cell that may not be paired (blocked, the same person). */
export const NOT_ALLOWED = -32768;

export type AssignmentProblem = {
  menteeCount: number;
  /** Places left per mentor; its length is the number of mentors. */
  capacities: ArrayLike<number>;
  /** Row-major scores, `scores[mentee * mentorCount + mentor]`, NOT_ALLOWED where pairing is not allowed. */
  scores: Int16Array;
  objective?: Objective;
  /** How many best candidates per mentee the first sparse graph holds. */
  topK?: number;
  /** false: solve on the top-k graph only, without the full-graph certificate (to measure the gap). */
  exact?: boolean;
};

export type AssignmentResult = {
  /** For each mentee, its mentor's index, or -1. */
  mentorOf: Int32Array;
  totalScore: number;
  matched: number;
  /** true when the result was proven optimal over every allowed pair; false when solved on top-k only. */
  certified: boolean;
  /** Rounds of adding edges that broke the certificate, then solving again. */
  repairRounds: number;
  /** Edges in the last sparse graph solved. */
  edges: number;
};

/**
 * Which pairs are worth considering under an objective, and their weight. "score" uses only pairs with a
 * positive score (leaving someone for the admin to place by hand beats a bad match), maximising the total.
 * "coverage" uses every allowed pair and first maximises how many mentees get a mentor, then the total
 * score among those: each pair weighs `bonus + score`, with a bonus larger than any difference in total
 * score, so one more pair always wins.
 */
function weighting(problem: AssignmentProblem) {
  const objective = problem.objective ?? "score";
  // `lowest`: the lowest usable score, so that the hot loops test `score >= lowest` (NOT_ALLOWED is below both).
  if (objective === "score") return { bonus: 0, lowest: 1 };
  let low = 0;
  let high = 0;
  for (const score of problem.scores) {
    if (score === NOT_ALLOWED) continue;
    if (score < low) low = score;
    if (score > high) high = score;
  }
  return { bonus: (high - low) * (problem.menteeCount + 1) + 1, lowest: NOT_ALLOWED + 1 };
}

/** A binary min-heap of (key, node) with lazy deletion. */
class Heap {
  keys: number[] = [];
  nodes: number[] = [];
  get size() {
    return this.keys.length;
  }
  clear() {
    this.keys.length = 0;
    this.nodes.length = 0;
  }
  push(key: number, node: number) {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the smallest; read `topKey`/`topNode` first. */
  pop() {
    const keys = this.keys;
    const nodes = this.nodes;
    const lastKey = keys.pop()!;
    const lastNode = nodes.pop()!;
    const n = keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child += 1;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = lastKey;
    nodes[i] = lastNode;
  }
}

/** How many of the least-listed mentors each mentee's first graph also holds (see assignMatrix). */
const SPARE_CANDIDATES = 6;

const UNASSIGNED = -1;
const BYPASS = -2;

/**
 * Solves the assignment on a given sparse graph: each mentee's candidate mentors (`adjacency`) with their
 * weights. Min-cost flow where every mentee sends one unit to the sink, either through a mentor (cost
 * -weight, the mentor's capacity bounding what reaches the sink) or straight (cost 0: left unmatched).
 * Mentees are added one at a time, each with a Dijkstra shortest path over reduced costs (potentials keep
 * them non-negative) that stops as soon as the sink is settled. Returns the assignment and the final
 * potentials, which certify optimality (no residual edge has a negative reduced cost).
 */
function solveSparse(menteeCount: number, capacities: ArrayLike<number>, adjacency: { mentors: number[]; weights: number[] }[]) {
  const mentorCount = capacities.length;
  const sink = menteeCount + mentorCount;
  const nodeCount = sink + 1;
  const potential = new Float64Array(nodeCount);
  // Initial potentials: every edge mentee → mentor has cost -weight ≤ 0; pull each mentor down by its
  // heaviest incoming edge, and the sink below every mentor and below 0.
  for (const { mentors, weights } of adjacency) {
    for (let e = 0; e < mentors.length; e++) {
      const node = menteeCount + mentors[e]!;
      if (-weights[e]! < potential[node]!) potential[node] = -weights[e]!;
    }
  }
  let sinkPotential = 0;
  for (let j = 0; j < mentorCount; j++) sinkPotential = Math.min(sinkPotential, potential[menteeCount + j]!);
  potential[sink] = sinkPotential;

  const mentorOf = new Int32Array(menteeCount).fill(UNASSIGNED);
  const weightOf = new Float64Array(menteeCount);
  const menteesOf: number[][] = Array.from({ length: mentorCount }, () => []);
  const distance = new Float64Array(nodeCount).fill(Infinity);
  // The nodes a search reached, so that only they are reset: a search usually touches a small part.
  const touched = new Int32Array(nodeCount);
  let touchedCount = 0;
  const previous = new Int32Array(nodeCount);
  const settled = new Uint8Array(nodeCount);
  const heap = new Heap();

  for (let start = 0; start < menteeCount; start++) {
    for (let t = 0; t < touchedCount; t++) {
      distance[touched[t]!] = Infinity;
      settled[touched[t]!] = 0;
    }
    touchedCount = 0;
    heap.clear();
    distance[start] = 0;
    touched[touchedCount++] = start;
    previous[start] = -1;
    heap.push(0, start);
    let reached = Infinity;
    while (heap.size) {
      const key = heap.keys[0]!;
      const node = heap.nodes[0]!;
      heap.pop();
      if (settled[node] || key > distance[node]!) continue;
      settled[node] = 1;
      if (node === sink) {
        reached = key;
        break;
      }
      const base = key + potential[node]!;
      // Relaxes the edges out of `node` (written out rather than through a closure: this is the hot loop).
      if (node < menteeCount) {
        const own = mentorOf[node]!;
        const { mentors, weights } = adjacency[node]!;
        for (let e = 0; e < mentors.length; e++) {
          if (mentors[e] === own) continue;
          const to = menteeCount + mentors[e]!;
          const candidate = base - weights[e]! - potential[to]!;
          if (candidate < distance[to]!) {
            if (distance[to] === Infinity) touched[touchedCount++] = to;
            distance[to] = candidate;
            previous[to] = node;
            heap.push(candidate, to);
          }
        }
        if (own !== BYPASS) {
          const candidate = base - potential[sink]!;
          if (candidate < distance[sink]!) {
            if (distance[sink] === Infinity) touched[touchedCount++] = sink;
            distance[sink] = candidate;
            previous[sink] = node;
            heap.push(candidate, sink);
          }
        }
      } else {
        const mentor = node - menteeCount;
        const current = menteesOf[mentor]!;
        for (const mentee of current) {
          const candidate = base + weightOf[mentee]! - potential[mentee]!;
          if (candidate < distance[mentee]!) {
            if (distance[mentee] === Infinity) touched[touchedCount++] = mentee;
            distance[mentee] = candidate;
            previous[mentee] = node;
            heap.push(candidate, mentee);
          }
        }
        if (current.length < capacities[mentor]!) {
          const candidate = base - potential[sink]!;
          if (candidate < distance[sink]!) {
            if (distance[sink] === Infinity) touched[touchedCount++] = sink;
            distance[sink] = candidate;
            previous[sink] = node;
            heap.push(candidate, sink);
          }
        }
      }
    }
    // Potentials for the next round: nodes beyond the sink's distance move by that distance, which keeps
    // every reduced cost non-negative (the usual early-stop rule).
    // Every node would move by `reached` except the touched ones closer than that; only differences of
    // potentials matter, so those move by (distance - reached) and the others stay.
    for (let t = 0; t < touchedCount; t++) {
      const node = touched[t]!;
      if (distance[node]! < reached) potential[node]! += distance[node]! - reached;
    }

    // Walk the path back from the sink and flip it.
    const path: number[] = [];
    for (let node = sink; node !== -1; node = node === start ? -1 : previous[node]!) path.push(node);
    path.reverse();
    for (let p = 0; p + 1 < path.length; p++) {
      const from = path[p]!;
      const to = path[p + 1]!;
      if (from < menteeCount && to === sink) {
        mentorOf[from] = BYPASS;
      } else if (from < menteeCount) {
        const mentor = to - menteeCount;
        const { mentors, weights } = adjacency[from]!;
        mentorOf[from] = mentor;
        weightOf[from] = weights[mentors.indexOf(mentor)]!;
        menteesOf[mentor]!.push(from);
      } else if (to !== sink) {
        const list = menteesOf[from - menteeCount]!;
        list.splice(list.indexOf(to), 1);
      }
    }
  }
  return { mentorOf, potential };
}

/** Keeps `best` as the (at most) `k` columns of this row with the highest scores, best first. */
function keepBest(best: number[], k: number, j: number, score: number, scores: Int16Array, row: number): void {
  if (best.length === k && scores[row + best[k - 1]!]! >= score) return;
  let at = best.length < k ? best.length : k - 1;
  best[at] = j;
  while (at > 0 && scores[row + best[at - 1]!]! < score) {
    best[at] = best[at - 1]!;
    best[at - 1] = j;
    at -= 1;
  }
}

/** Adds the mentee's edges to these mentors to the graph, and marks them as in it. */
function addEdges(
  edges: { mentors: number[]; weights: number[] },
  mentors: Iterable<number>,
  bonus: number,
  scores: Int16Array,
  row: number,
  inGraph: Uint8Array,
): number {
  let added = 0;
  for (const j of mentors) {
    edges.mentors.push(j);
    edges.weights.push(bonus + scores[row + j]!);
    inGraph[row + j] = 1;
    added += 1;
  }
  return added;
}

/**
 * The assignment that maximises the objective under every mentor's capacity, one mentor per mentee.
 *
 * It first solves a sparse graph of each mentee's `topK` best candidates. With `exact` (the default), the
 * final potentials are then checked against every allowed pair left out: if none has a negative reduced
 * cost, the potentials prove the sparse answer optimal for the full graph too (LP duality). Otherwise the
 * offending pairs join the graph and it is solved again; in practice that takes zero or one extra round.
 * Cost: about (mentees × k × log) per solve plus one pass over the score matrix, instead of the cube of the
 * program's size.
 */
export function assignMatrix(problem: AssignmentProblem): AssignmentResult {
  const n = problem.menteeCount;
  const m = problem.capacities.length;
  const scores = problem.scores;
  const { bonus, lowest } = weighting(problem);
  const exact = problem.exact ?? true;
  const topK = Math.max(1, problem.topK ?? 12);
  // A mentor without a place left takes part in nothing: its column counts as not usable.
  const column = new Int16Array(m);
  for (let j = 0; j < m; j++) column[j] = problem.capacities[j]! > 0 ? 0 : 1;

  const adjacency = Array.from({ length: n }, () => ({ mentors: [] as number[], weights: [] as number[] }));
  const inGraph = new Uint8Array(n * m);
  // Each mentee's top-k usable mentors with capacity, kept in a small sorted buffer. Mentors with equal
  // scores are common (similar profiles); each mentee scans from its own starting column, so ties spread
  // over all of them instead of every mentee listing the same first few, which the certificate would
  // then refuse round after round.
  for (let i = 0; i < n; i++) {
    const best: number[] = [];
    const row = i * m;
    const first = m ? (i * 7919) % m : 0;
    for (let step = 0; step < m; step++) {
      const j = first + step < m ? first + step : first + step - m;
      const score = scores[row + j]!;
      if (score < lowest || column[j]) continue;
      keepBest(best, topK, j, score, scores, row);
    }
    addEdges(adjacency[i]!, best, bonus, scores, row, inGraph);
  }

  // Mentors that few mentees listed (fewer than twice their places) are the ones the certificate would
  // otherwise bring in later, a round (a whole solve) at a time: each mentee also gets its best few among
  // them. On B7's programs this takes the rounds from 4 to 1 or 2 and halves the time. Only for the exact
  // solve: `exact: false` measures the top-k graph alone.
  if (exact) {
    const extra = SPARE_CANDIDATES;
    const listed = new Int32Array(m);
    for (const { mentors } of adjacency) for (const j of mentors) listed[j]! += 1;
    const spare: number[] = [];
    for (let j = 0; j < m; j++) if (!column[j] && listed[j]! < problem.capacities[j]! * 2) spare.push(j);
    if (spare.length) {
      for (let i = 0; i < n; i++) {
        const row = i * m;
        const best: number[] = [];
        for (const j of spare) {
          const score = scores[row + j]!;
          if (score < lowest || inGraph[row + j]) continue;
          keepBest(best, extra, j, score, scores, row);
        }
        addEdges(adjacency[i]!, best, bonus, scores, row, inGraph);
      }
    }
  }

  let repairRounds = 0;
  for (;;) {
    const { mentorOf, potential } = solveSparse(n, problem.capacities, adjacency);
    let violations = 0;
    if (exact) {
      // Per mentee, only the few most violated pairs join the graph: it stays sparse, and a next round
      // picks up whatever is still missing (after 8 rounds, all of them, so it always ends).
      const found: { j: number; reduced: number }[] = [];
      for (let i = 0; i < n; i++) {
        const row = i * m;
        found.length = 0;
        // reduced < 0  ⇔  potential[n + j] + score > potential[i] - bonus
        const limit = potential[i]! - bonus;
        for (let j = 0; j < m; j++) {
          const score = scores[row + j]!;
          if (score < lowest || inGraph[row + j] || column[j]) continue;
          const reduced = limit - score - potential[n + j]!;
          if (reduced < 0) found.push({ j, reduced });
        }
        if (!found.length) continue;
        found.sort((a, b) => a.reduced - b.reduced);
        violations += addEdges(
          adjacency[i]!,
          (repairRounds < 8 ? found.slice(0, topK) : found).map((f) => f.j),
          bonus,
          scores,
          row,
          inGraph,
        );
      }
    }
    if (violations === 0) {
      let totalScore = 0;
      let matched = 0;
      let edges = 0;
      for (const list of adjacency) edges += list.mentors.length;
      for (let i = 0; i < n; i++) {
        if (mentorOf[i]! < 0) {
          mentorOf[i] = -1;
          continue;
        }
        totalScore += scores[i * m + mentorOf[i]!]!;
        matched += 1;
      }
      return { mentorOf, totalScore, matched, certified: exact, repairRounds, edges };
    }
    repairRounds += 1;
  }
}

/**
 * Pairs mentees with mentors under the objective ("score" by default), never exceeding a mentor's capacity
 * and never giving a mentee two mentors, from a list of candidates (the convenient form for small inputs).
 */
export function assignPairs(input: {
  mentors: { id: string; capacity: number }[];
  mentees: string[];
  candidates: Candidate[];
  objective?: Objective;
  topK?: number;
  exact?: boolean;
}): Assignment[] {
  const mentees = [...new Set(input.mentees)];
  const mentors = input.mentors.filter((mentor) => mentor.capacity > 0);
  const menteeIndex = new Map(mentees.map((id, i) => [id, i]));
  const mentorIndex = new Map(mentors.map((mentor, j) => [mentor.id, j]));
  const scores = new Int16Array(mentees.length * mentors.length).fill(NOT_ALLOWED);
  for (const candidate of input.candidates) {
    const i = menteeIndex.get(candidate.menteeId);
    const j = mentorIndex.get(candidate.mentorId);
    if (i === undefined || j === undefined) continue;
    const cell = i * mentors.length + j;
    const score = Math.max(-32767, Math.min(32767, Math.round(candidate.score)));
    if (scores[cell] === NOT_ALLOWED || scores[cell]! < score) scores[cell] = score;
  }
  const result = assignMatrix({
    menteeCount: mentees.length,
    capacities: mentors.map((mentor) => mentor.capacity),
    scores,
    objective: input.objective ?? "score",
    ...(input.topK ? { topK: input.topK } : {}),
    ...(input.exact === false ? { exact: false } : {}),
  });
  const assignments: Assignment[] = [];
  result.mentorOf.forEach((j, i) => {
    if (j >= 0) assignments.push({ mentorId: mentors[j]!.id, menteeId: mentees[i]!, score: scores[i * mentors.length + j]! });
  });
  return assignments.sort((a, b) => b.score - a.score);
}
