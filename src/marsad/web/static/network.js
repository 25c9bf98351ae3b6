// The actor network, drawn with Cytoscape.js (vendored from the npm registry at install time).
// Data come from /api/graph; names are set as text, never as HTML.
(function () {
  "use strict";
  const colours = { PER: "#1f6f8b", ORG: "#8b5a1f", GPE: "#3d7d3d" };
  const edgeColours = { meets: "#2b6cb0", supports: "#2f855a", opposes: "#c53030" };
  fetch("/api/graph?limit=80").then(function (r) { return r.json(); }).then(function (data) {
    const elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ data: { id: n.id, label: n.label + (n.label_en ? " · " + n.label_en : ""),
                              type: n.type, size: 18 + Math.min(42, n.mentions * 2) } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight,
                              relation: e.relation, events: e.events } });
    });
    const cy = cytoscape({
      container: document.getElementById("network"),
      elements: elements,
      layout: { name: "cose", animate: false, randomize: false, idealEdgeLength: 90, nodeRepulsion: 9000 },
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11, "width": "data(size)",
          "height": "data(size)", "background-color": function (n) { return colours[n.data("type")] || "#777"; },
          "color": "#222", "text-valign": "bottom", "text-margin-y": 4 } },
        { selector: "edge", style: { "width": function (e) { return Math.min(8, 1 + e.data("weight") / 2); },
          "line-color": function (e) { return edgeColours[e.data("relation")] || "#bbb"; },
          "opacity": 0.7, "curve-style": "haystack" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } }
      ]
    });
    const info = document.getElementById("network-info");
    cy.on("tap", "node", function (evt) {
      info.textContent = evt.target.data("label") + " — " + evt.target.degree() + " صلات";
    });
    cy.on("dbltap", "node", function (evt) {
      window.location.href = "/entities/" + encodeURIComponent(evt.target.id());
    });
    cy.on("tap", "edge", function (evt) {
      const d = evt.target.data();
      info.textContent = d.relation + " (" + d.weight + ")" + (d.events ? " · " + d.events : "");
    });
    window.marsadNetwork = cy;
    document.getElementById("network").dataset.ready = String(cy.nodes().length);
  });
})();
