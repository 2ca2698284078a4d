// Sortable, filterable tables: click a header to sort (numbers as numbers), type in the box to filter rows.
for (const block of document.querySelectorAll(".table-block")) {
  const table = block.querySelector("table.data");
  const body = table.tBodies[0];
  const shown = block.querySelector(".shown");
  block.querySelector("input.filter").addEventListener("input", (event) => {
    const needle = event.target.value.toLowerCase();
    let count = 0;
    for (const row of body.rows) {
      const match = row.textContent.toLowerCase().includes(needle);
      row.hidden = !match;
      count += match ? 1 : 0;
    }
    shown.textContent = count + " rows";
  });
  table.querySelectorAll("th").forEach((th, index) => th.addEventListener("click", () => {
    const descending = th.classList.contains("asc");
    table.querySelectorAll("th").forEach((other) => other.classList.remove("asc", "desc"));
    th.classList.add(descending ? "desc" : "asc");
    const key = (row) => row.cells[index].dataset.sort;
    const numeric = [...body.rows].every((row) => key(row) === "" || !isNaN(parseFloat(key(row))));
    const compare = numeric
      ? (a, b) => (parseFloat(key(a)) || 0) - (parseFloat(key(b)) || 0)
      : (a, b) => key(a).localeCompare(key(b), "fr");
    const rows = [...body.rows].sort(compare);
    if (descending) rows.reverse();
    body.append(...rows);
  }));
}
