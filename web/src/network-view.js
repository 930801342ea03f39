// What the network page draws, kept readable: the transfer links of at least a minimum
// TIV, the nodes they join (and the focus node), labels on the largest nodes by strength
// plus the focus node and its partners. Pure: the page hands it /network's nodes and
// /tiv?by=dyad's rows.

// Minimum TIV a drawn link carries: the choices of the page's control.
export const MIN_TIV_CHOICES = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
// The default threshold keeps at most this many links: enough to show the structure,
// few enough that the drawing is not a hairball.
export const READABLE_LINKS = 100;
// Nodes labelled whatever the focus: the largest by strength.
export const LABELLED_NODES = 15;

// Links between distinct drawn nodes, heaviest first.
export function transferLinks(dyads, nodeIds) {
  const present = new Set(nodeIds);
  return dyads.filter((r) => present.has(r.supplier) && present.has(r.recipient) && r.supplier !== r.recipient)
    .sort((x, y) => y.tiv - x.tiv);
}

// The smallest choice that leaves at most `limit` links (the largest choice if none does).
export function defaultMinTiv(links, { choices = MIN_TIV_CHOICES, limit = READABLE_LINKS } = {}) {
  return choices.find((min) => links.filter((l) => l.tiv >= min).length <= limit) ?? choices[choices.length - 1];
}

// {edges, nodes, labelled, partners}: the links of at least minTiv, the nodes they join
// (the focus too, even without a link), the ids labelled (the `labelCount` largest by
// strength, the focus and its partners) and the focus's partners among the drawn links.
export function networkView(nodes, links, { minTiv, focus = null, labelCount = LABELLED_NODES }) {
  const edges = links.filter((l) => l.tiv >= minTiv);
  const joined = new Set(edges.flatMap((e) => [e.supplier, e.recipient]));
  if (focus) joined.add(focus);
  const drawn = nodes.filter((n) => joined.has(n.id));
  const partners = partnersOf(focus, edges);
  const largest = [...drawn].sort((x, y) => (y.strength || 0) - (x.strength || 0)).slice(0, labelCount).map((n) => n.id);
  const labelled = new Set([...largest, ...(focus && joined.has(focus) ? [focus] : []), ...partners]);
  return { edges, nodes: drawn, labelled, partners };
}

export function partnersOf(id, edges) {
  if (!id) return new Set();
  return new Set(edges.flatMap((e) => (e.supplier === id ? [e.recipient] : e.recipient === id ? [e.supplier] : [])));
}
