/**
 * What the layout test checks on a rendered page, run inside the page by `page.evaluate` (so it
 * must not refer to anything outside its own body). Every finding is a sentence naming the
 * elements, so a failing test says what collided where.
 */

/** Trouble spots beyond what every page is checked for. */
export interface LayoutSpec {
  /** Elements matching `a` must not meet any element matching `b` (e.g. an axis title and the hint text). */
  apart: { a: string; b: string }[];
  /** Elements matching `selector` must lie inside their closest ancestor matching `within`. */
  inside: { selector: string; within: string }[];
  /** Elements none of which may meet another, wherever they sit (e.g. absolutely placed chips). */
  groups: string[];
}

/**
 * Findings on the page as it is laid out now:
 * - the page scrolls sideways (the root is wider than the viewport);
 * - two visible in-flow children of one flex or grid container (toolbars, headers, control rows)
 *   overlap: the helper that checks a container's visible children pairwise;
 * - a table cell, button or badge whose contents run past its left or right edge (a header colliding
 *   with the next column);
 * - the spec's trouble spots.
 * Boxes that merely touch (within 1 px: bordered segmented controls share their border) do not count.
 */
export function layoutFindings(spec: LayoutSpec): string[] {
  const slack = 1;
  const findings: string[] = [];
  const name = (element: Element): string => {
    const testId = element.getAttribute("data-testid");
    const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/)[0] : "";
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
    return `<${element.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : classes ? ` .${classes}` : ""}>"${text}"`;
  };
  const isShown = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    const style = getComputedStyle(element);
    return style.visibility !== "hidden" && style.display !== "contents" && Number(style.opacity) > 0;
  };
  const meet = (a: DOMRect, b: DOMRect): boolean =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
  const pairwise = (elements: Element[], what: string): void => {
    const boxes = elements.map((element) => element.getBoundingClientRect());
    for (let i = 0; i < elements.length; i++)
      for (let j = i + 1; j < elements.length; j++)
        if (meet(boxes[i], boxes[j]))
          findings.push(`${what}: ${name(elements[i])} overlaps ${name(elements[j])}`);
  };

  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth)
    findings.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${root.clientWidth} px`);

  for (const container of document.body.querySelectorAll("*")) {
    if (!(container instanceof HTMLElement) || !/flex|grid/.test(getComputedStyle(container).display))
      continue;
    if (!isShown(container)) continue;
    const children = [...container.children].filter(
      (child) =>
        child instanceof HTMLElement &&
        isShown(child) &&
        !/absolute|fixed/.test(getComputedStyle(child).position),
    );
    pairwise(children, `in ${name(container)}`);
  }

  // The contents' horizontal extent: text and replaced elements, except what a clipping or
  // out-of-flow box inside the element keeps out of sight (visually hidden labels, clamped text).
  const range = document.createRange();
  const contentsBox = (element: Element): { left: number; right: number } | null => {
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    const hidden = (node: Node): boolean => {
      for (let at = node.parentElement; at && at !== element; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (
          style.overflowX !== "visible" ||
          /absolute|fixed/.test(style.position) ||
          style.display === "none"
        )
          return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const leaf =
        node.nodeType === Node.TEXT_NODE
          ? (node.textContent ?? "").trim() !== ""
          : /^(INPUT|SELECT|IMG|svg)$/.test(node.nodeName);
      if (!leaf || hidden(node)) continue;
      range.selectNodeContents(node);
      const box =
        node.nodeType === Node.TEXT_NODE
          ? range.getBoundingClientRect()
          : (node as Element).getBoundingClientRect();
      if (box.width === 0) continue;
      left = Math.min(left, box.left);
      right = Math.max(right, box.right);
    }
    return left <= right ? { left, right } : null;
  };
  for (const element of document.body.querySelectorAll("th, td, button, .button, .badge")) {
    if (!isShown(element) || getComputedStyle(element).overflowX !== "visible") continue;
    const box = element.getBoundingClientRect();
    const contents = contentsBox(element);
    if (!contents) continue;
    if (contents.left < box.left - slack || contents.right > box.right + slack)
      findings.push(
        `${name(element)} is ${Math.round(box.width)} px wide but its contents span ${Math.round(contents.left - box.left)}…${Math.round(contents.right - box.left)} px`,
      );
  }

  for (const { a, b } of spec.apart) {
    const first = [...document.querySelectorAll(a)].filter(isShown);
    const second = [...document.querySelectorAll(b)].filter(isShown);
    for (const one of first)
      for (const other of second)
        if (one !== other && meet(one.getBoundingClientRect(), other.getBoundingClientRect()))
          findings.push(`${name(one)} (${a}) overlaps ${name(other)} (${b})`);
  }
  for (const { selector, within } of spec.inside)
    for (const element of document.querySelectorAll(selector)) {
      const outer = element.parentElement?.closest(within);
      if (!outer || !isShown(element)) continue;
      const [box, frame] = [element.getBoundingClientRect(), outer.getBoundingClientRect()];
      if (
        box.left < frame.left - slack ||
        box.right > frame.right + slack ||
        box.top < frame.top - slack ||
        box.bottom > frame.bottom + slack
      )
        findings.push(`${name(element)} sticks out of its ${within} ${name(outer)}`);
    }
  for (const group of spec.groups) pairwise([...document.querySelectorAll(group)].filter(isShown), group);
  return findings;
}

/**
 * Plots that do not fill their container's width, or overrun it (a plot must follow its container
 * when the window is resized): one sentence per plot.
 */
export function plotFitFindings(selector: string): string[] {
  return [...document.querySelectorAll(selector)].flatMap((plot) => {
    const container = plot.parentElement;
    if (!container) return [];
    const width = plot.getBoundingClientRect().width;
    const room =
      container.clientWidth -
      Number.parseFloat(getComputedStyle(container).paddingLeft) -
      Number.parseFloat(getComputedStyle(container).paddingRight);
    return Math.abs(width - room) > 1.5
      ? [
          `${plot.getAttribute("data-testid") ?? plot.getAttribute("class")} is ${width} px wide in ${room} px`,
        ]
      : [];
  });
}
