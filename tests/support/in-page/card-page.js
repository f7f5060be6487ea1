/*
 * Runs inside the browser tier's card page (tests/support/card-in-theme.ts), after the Adaptive Cards
 * renderer and markdown-it: draws one card with a host config and measures every visible text's
 * contrast with what is drawn behind it (WCAG 2 relative luminance, the first opaque background up).
 */
window.renderCard = (card, config) => {
  const AC = window.AdaptiveCards;
  const md = window.markdownit();
  // Teams renders Markdown in TextBlocks; the renderer leaves that to its host.
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(config);
  adaptive.parse(card);
  document.getElementById('card').appendChild(adaptive.render());
};

const rgba = (css) => (css.match(/[\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);

function backgroundOf(element) {
  for (let at = element; at; at = at.parentElement) {
    const colour = rgba(getComputedStyle(at).backgroundColor);
    if (colour[3] > 0.5) return colour;
  }
  return [255, 255, 255, 1];
}

// A translucent text colour (Teams' subtle text) as it shows over its background.
const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));

function luminance(colour) {
  const [r, g, b] = colour.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

window.contrastProblems = () => {
  const found = [];
  for (const element of document.querySelectorAll('#card *')) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    // aria-hidden is the host's required-input asterisk: its colour is Teams' choice (attention), not the
    // card's, and the input says it is required to assistive technology itself (aria-required).
    if (!ownText || !element.offsetParent || element.closest('[aria-hidden="true"]')) continue;
    const style = getComputedStyle(element);
    const bg = backgroundOf(element);
    const [a, b] = [luminance(over(rgba(style.color), bg)), luminance(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    // WCAG's large text: 18 pt, or 14 pt bold.
    const needed = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5;
    if (ratio < needed) {
      found.push({ text: element.textContent.trim().slice(0, 60), ratio: Math.round(ratio * 100) / 100, needed });
    }
  }
  return found;
};
