// Network: states as nodes (centralities and communities from /network), coloured by
// community and sized by strength; edges are the SIPRI transfers (tiv by dyad) of the
// same years of at least a minimum TIV (a control; by default the smallest that keeps the
// drawing to about 100 links); labels on the largest nodes, the selected node and its
// partners, which stand out while the rest fades. A list of the drawn nodes beside the graph gives keyboard access
// (one tab stop; arrow keys, Home/End, a letter; Enter selects) and selecting a node,
// there or in the graph, shows its details; the table below is the text alternative.
// URL: #/network?years=A-B&layers=transfers,agreements&min_tiv=250&node=TUR
import cytoscape from 'cytoscape';
import { h, uid } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { parseYears, formatYears } from '../url-state.js';
import { mergeMeta, escapeXml } from '../citation.js';
import { figure, slot } from '../figure.js';
import { yearRange, select, controlBar } from '../controls.js';
import { colourAt } from '../palette.js';
import { displayName } from '../names.js';
import { rovingIndex } from '../keyboard.js';
import { MIN_TIV_CHOICES, LABELLED_NODES, transferLinks, defaultMinTiv, networkView } from '../network-view.js';

const DEFAULT_SPAN = 10;
const WIDTH = 860;
const HEIGHT = 600;
// Partners listed in a selected node's details.
const DETAIL_LINKS = 6;
const LAYER_CHOICES = ['transfers,agreements,ventures', 'transfers', 'agreements,ventures', 'transfers,agreements,ventures,memberships'];

export function render(main, ctx) {
  const { state, bounds, link } = ctx;
  const years = parseYears(state.params.years, [bounds[1] - DEFAULT_SPAN + 1, bounds[1]], bounds[0], bounds[1]);
  const span = formatYears(years);
  const layers = LAYER_CHOICES.includes(state.params.layers) ? state.params.layers : LAYER_CHOICES[0];
  const controls = controlBar(
    yearRange({ min: bounds[0], max: bounds[1], value: years, onChange: (v) => ctx.setParams({ years: formatYears(v) }) }),
    select({
      label: t('layers'), name: 'layers', value: layers, options: LAYER_CHOICES.map((v) => ({ value: v, label: v.replace(/,/g, ', ') })),
      onChange: (v) => ctx.setParams({ layers: v === LAYER_CHOICES[0] ? null : v }),
    }));
  main.append(h('h1', {}, t('network_title', { years: span })), controls);
  const network = api('network', { years: span, layers });
  const drawn = { cy: null, init: null, ready: null };
  slot(main, async () => {
    const [net, dyads] = await Promise.all([network, api('tiv', { by: 'dyad', years: span })]);
    const links = transferLinks(dyads.rows, net.rows.map((r) => r.id));
    const fallback = defaultMinTiv(links);
    const asked = Number(state.params.min_tiv);
    const minTiv = MIN_TIV_CHOICES.includes(asked) ? asked : fallback;
    const focus = net.rows.some((r) => r.id === state.params.node) ? state.params.node : null;
    const { edges, nodes, labelled } = networkView(net.rows, links, { minTiv, focus });
    controls.append(select({
      label: t('min_tiv'), name: 'min_tiv', value: String(minTiv),
      options: MIN_TIV_CHOICES.map((v) => ({ value: String(v), label: `≥ ${formatNumber(v, 0)} TIV` })),
      onChange: (v) => ctx.setParams({ min_tiv: Number(v) === fallback ? null : v }),
    }));
    const maxStrength = Math.max(1, ...nodes.map((n) => n.strength || 0));
    const maxTiv = Math.max(1, ...edges.map((e) => e.tiv));
    const hint_id = uid('network-hint');
    const box = h('div', { class: 'cy', role: 'img', 'aria-label': t('network_img', { years: span, nodes: nodes.length, edges: edges.length }), 'aria-describedby': hint_id, style: `height:${HEIGHT}px` });
    const communities = [...new Set(nodes.map((n) => n.community))].sort((x, y) => x - y);
    // Cytoscape needs its container in the document to measure it: built once mounted.
    drawn.init = () => cytoscape({
      container: box, autounselectify: true, boxSelectionEnabled: false,
      elements: [
        ...nodes.map((n) => ({ data: { id: n.id, name: n.name || displayName(n.id), label: labelled.has(n.id) ? (n.name || n.id) : '', colour: colourAt(communities.indexOf(n.community)), size: 8 + 40 * Math.sqrt((n.strength || 0) / maxStrength) } })),
        ...edges.map((e) => ({ data: { id: `${e.supplier}>${e.recipient}`, source: e.supplier, target: e.recipient, tiv: e.tiv, width: 0.5 + 6 * Math.sqrt(e.tiv / maxTiv) } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 10, 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 2, 'border-width': 1, 'border-color': '#fff', 'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': 1 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa', opacity: 0.55, 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa', 'arrow-scale': 0.6 } },
        { selector: 'edge.chosen', style: { 'line-color': '#333', 'target-arrow-color': '#333', opacity: 0.9 } },
        // The selected (focus) node and its partners stand out; the rest fades.
        { selector: '.faded', style: { opacity: 0.2 } },
        { selector: 'node.partner', style: { label: 'data(name)', 'border-width': 3, 'border-color': '#333', 'z-index': 9 } },
        { selector: 'node.chosen', style: { label: 'data(name)', 'border-width': 4, 'border-color': '#000', 'font-weight': 'bold', 'font-size': 12, 'z-index': 10 } },
        { selector: 'node.focused', style: { label: 'data(name)', 'border-width': 5, 'border-color': '#E69F00', 'z-index': 11 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 80, nodeOverlap: 20, numIter: 1500, fit: true, padding: 20 },
    });
    const legend = communities.map((c, idx) => ({ label: `${t('community')} ${c}`, colour: colourAt(idx) }));
    const meta = mergeMeta(net.meta, dyads.meta);
    const ranked = [...nodes].sort((x, y) => (y.strength || 0) - (x.strength || 0));
    const details = h('div', { class: 'node-details', id: 'node-details', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('network_none')));
    const show = (id) => {
      const node = nodes.find((n) => n.id === id);
      if (!node) return;
      details.replaceChildren(nodeDetails(node, edges, { link, span }));
      if (drawn.cy) highlight(drawn.cy, id);
      list.choose(id);
    };
    const list = nodeList(ranked, {
      onFocus: (id) => { drawn.cy?.nodes().removeClass('focused'); if (id) drawn.cy?.$id(id).addClass('focused'); },
      onSelect: (id) => { show(id); ctx.remember({ node: id }); },
    });
    drawn.ready = (cy) => {
      cy.on('tap', 'node', (event) => { show(event.target.id()); ctx.remember({ node: event.target.id() }); });
      cy.on('dbltap', 'node', (event) => { location.hash = link('country', [event.target.id()], { years: span }); });
      if (focus) show(focus);
    };
    const side = h('div', { class: 'network-side' },
      h('h3', { id: list.heading_id }, t('network_nodes')), h('p', { class: 'hint' }, t('network_keys')), list.element, details);
    return figure({
      title: t('network_title', { years: span }), meta, rows: edges, chart: h('div', { class: 'network-layout' }, box, side), legend, id: 'network',
      extra: [h('p', { class: 'hint', id: hint_id }, t('network_hint'), ' ', t('network_shown', {
        edges: formatNumber(edges.length, 0), links: formatNumber(links.length, 0), min: formatNumber(minTiv, 0), labelled: LABELLED_NODES,
      }), ' ', t('network_summary', {
        nodes: formatNumber(net.meta.nodes, 0), edges: formatNumber(net.meta.edges, 0), communities: net.meta.communities, modularity: formatNumber(net.meta.modularity, 3),
      }), ' ', t('network_weighting'), ' ', t('network_alternative'))],
      svg: () => networkSvg(drawn.cy),
    });
  }).then(() => {
    if (!drawn.init) return;
    drawn.cy = drawn.init();
    drawn.ready(drawn.cy);
  });
  slot(main, async () => {
    const { meta, rows } = await network;
    return figure({
      title: t('network_table', { years: span }), meta, rows, id: 'network-table',
      columns: [
        { label: t('name'), text: (r) => r.name || displayName(r.id), href: (r) => (/^[A-Z]{3}$/.test(r.id) ? link('country', [r.id], { years: span }) : null) },
        { label: t('community'), text: (r) => String(r.community), numeric: true },
        { label: t('degree'), text: (r) => String(r.degree), numeric: true },
        { label: t('strength'), text: (r) => formatNumber(r.strength, 0), numeric: true },
        { label: t('betweenness'), text: (r) => formatNumber(r.betweenness, 0), numeric: true },
        { label: t('eigenvector'), text: (r) => formatNumber(r.eigenvector, 3), numeric: true },
      ],
    });
  });
}

// Rings the selected node, marks its partners and their links, fades everything else.
function highlight(cy, id) {
  const node = cy.$id(id);
  const near = node.closedNeighborhood();
  cy.elements().removeClass('chosen partner faded');
  cy.elements().difference(near).addClass('faded');
  node.addClass('chosen');
  node.connectedEdges().addClass('chosen');
  node.neighborhood('node').addClass('partner');
}

// The drawn nodes as buttons in a list with one tab stop: arrow keys, Home/End, Page
// Up/Down and a letter move the focus (shown in the graph too), Enter or Space select.
function nodeList(nodes, { onFocus, onSelect }) {
  const heading_id = uid('nodes');
  const names = nodes.map((n) => n.name || displayName(n.id));
  const buttons = nodes.map((n, idx) => h('button', {
    type: 'button', class: 'node-item', tabindex: idx === 0 ? '0' : '-1', 'data-id': n.id, 'aria-pressed': 'false',
    onclick: () => onSelect(n.id), onfocus: () => onFocus(n.id),
  }, names[idx]));
  const element = h('ul', { class: 'node-list', 'aria-labelledby': heading_id }, buttons.map((b) => h('li', {}, b)));
  const move = (next) => {
    buttons.forEach((b, idx) => b.setAttribute('tabindex', idx === next ? '0' : '-1'));
    buttons[next].focus();
  };
  element.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement);
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = rovingIndex(event.key, current, names);
    if (next === null) return;
    event.preventDefault();
    move(next);
  });
  element.addEventListener('focusout', (event) => { if (!element.contains(event.relatedTarget)) onFocus(null); });
  // The chosen node is pressed and becomes the list's tab stop.
  const choose = (id) => buttons.forEach((b) => {
    const chosen = b.dataset.id === id;
    b.setAttribute('aria-pressed', String(chosen));
    if (element.contains(document.activeElement)) return;
    b.setAttribute('tabindex', chosen ? '0' : '-1');
    if (chosen) element.scrollTop = Math.max(0, b.offsetTop - element.clientHeight / 2);
  });
  return { element, heading_id, choose };
}

// What a selected node shows: its centralities, its heaviest drawn links, its country page.
function nodeDetails(node, edges, { link, span }) {
  const name = node.name || displayName(node.id);
  const state = /^[A-Z]{3}$/.test(node.id);
  const links = edges.filter((e) => e.supplier === node.id || e.recipient === node.id).slice(0, DETAIL_LINKS);
  const fact = (key, value) => [h('dt', {}, t(key)), h('dd', {}, value)];
  return h('div', { class: 'node-card' },
    h('h4', {}, name, ' ', h('code', {}, node.id)),
    h('dl', {},
      fact('community', String(node.community)), fact('degree', String(node.degree)),
      fact('strength', formatNumber(node.strength, 0)), fact('betweenness', formatNumber(node.betweenness, 0)),
      fact('eigenvector', formatNumber(node.eigenvector, 3))),
    links.length ? [h('p', { class: 'node-links-title' }, t('network_links')),
      h('ul', { class: 'node-links' }, links.map((e) => h('li', {}, `${displayName(e.supplier)} → ${displayName(e.recipient)}: ${formatNumber(e.tiv, 0)} TIV`)))] : null,
    state ? h('p', {}, h('a', { href: link('country', [node.id], { years: span }) }, t('open_country', { name }))) : null);
}

// The network as SVG from the laid-out positions (Cytoscape draws on canvas).
function networkSvg(cy) {
  const bb = cy.elements().boundingBox();
  const scale = Math.min((WIDTH - 40) / Math.max(1, bb.w), (HEIGHT - 40) / Math.max(1, bb.h));
  const left = (WIDTH - bb.w * scale) / 2;
  const top = (HEIGHT - bb.h * scale) / 2;
  const px = (p) => [left + (p.x - bb.x1) * scale, top + (p.y - bb.y1) * scale];
  const parts = [];
  cy.edges().forEach((edge) => {
    const [x1, y1] = px(edge.source().position());
    const [x2, y2] = px(edge.target().position());
    parts.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#9aa" stroke-opacity="0.55" stroke-width="${edge.data('width') * scale}"/>`);
  });
  cy.nodes().forEach((node) => {
    const [x, y] = px(node.position());
    const radius = (node.data('size') * scale) / 2;
    parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="${node.data('colour')}" stroke="#fff"><title>${escapeXml(node.id())}</title></circle>`);
    if (node.data('label')) parts.push(`<text x="${(x + radius + 2).toFixed(1)}" y="${(y + 3).toFixed(1)}" font-size="9">${escapeXml(node.data('label'))}</text>`);
  });
  return { chartSvg: `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${parts.join('')}</svg>`, width: WIDTH, height: HEIGHT };
}
