/**
 * Adaptive Cards host configs for Teams' three themes, for the browser tier's pictures and contrast
 * checks. Light and dark carry the colours of Microsoft's published Teams host configs (the samples
 * of the Adaptive Cards repository): the default container's background and text, the named
 * colours, and the tinted backgrounds of styled containers with their dark text. Teams publishes no
 * high-contrast host config; that one follows Windows' "High Contrast Black" (white on black, yellow
 * and cyan for what stands out), which Teams' own high-contrast theme mirrors.
 */
export type TeamsTheme = 'light' | 'dark' | 'contrast';

interface Palette {
  background: string;
  emphasis: string;
  text: string;
  /** Text on a styled (tinted) container: good, warning, attention, accent. */
  tintedText: string;
  colours: Record<'accent' | 'good' | 'warning' | 'attention', string>;
  tints: Record<'accent' | 'good' | 'warning' | 'attention', string>;
}

const PALETTES: Record<TeamsTheme, Palette> = {
  light: {
    background: '#ffffff',
    emphasis: '#f9f8f7',
    text: '#252424',
    tintedText: '#252424',
    colours: { accent: '#6264a7', good: '#92c353', warning: '#f8d22a', attention: '#c4314b' },
    tints: { accent: '#c7def9', good: '#ccffcc', warning: '#ffe2b2', attention: '#ffc5b2' },
  },
  dark: {
    background: '#2d2c2c',
    emphasis: '#292828',
    text: '#ffffff',
    tintedText: '#201f1f',
    colours: { accent: '#a6a7dc', good: '#92c353', warning: '#f8d22a', attention: '#d74654' },
    tints: { accent: '#c7def9', good: '#ccffcc', warning: '#ffe2b2', attention: '#ffc5b2' },
  },
  contrast: {
    background: '#000000',
    emphasis: '#000000',
    text: '#ffffff',
    tintedText: '#ffffff',
    colours: { accent: '#1aebff', good: '#3ff23f', warning: '#ffff00', attention: '#ffff00' },
    tints: { accent: '#000000', good: '#000000', warning: '#000000', attention: '#000000' },
  },
};

/** The page behind the card and the buttons' colours, which host configs leave to the host's CSS. */
export function themeCss(theme: TeamsTheme): string {
  const p = PALETTES[theme];
  const border = theme === 'contrast' ? '#ffffff' : p.colours.accent;
  return `body { margin: 0; background: ${p.background}; font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; }
.ac-pushButton { background: ${p.background}; color: ${theme === 'light' ? p.colours.accent : p.text};
  border: 1px solid ${border}; border-radius: 4px; padding: 4px 12px; font-weight: 600; min-height: 32px; }
/* Markdown's lists and paragraphs inside a TextBlock, spaced as Teams spaces them. */
.ac-textBlock p { margin: 0; }
.ac-textBlock ul, .ac-textBlock ol { margin: 4px 0; padding-left: 24px; box-sizing: border-box; }
/* Teams wraps buttons that do not fit a narrow column onto the next line. */
.ac-actionSet { flex-wrap: wrap; row-gap: 8px; }`;
}

function foreground(text: string, p: Palette): Record<string, { default: string; subtle: string }> {
  const pair = (colour: string): { default: string; subtle: string } => ({ default: colour, subtle: colour });
  return {
    default: { default: text, subtle: text === '#ffffff' ? '#c8c8c8' : '#484644' },
    dark: pair('#201f1f'),
    light: pair('#ffffff'),
    accent: pair(p.colours.accent),
    good: pair(p.colours.good),
    warning: pair(p.colours.warning),
    attention: pair(p.colours.attention),
  };
}

export function hostConfig(theme: TeamsTheme): object {
  const p = PALETTES[theme];
  const tinted = (tint: string): object => ({ backgroundColor: tint, foregroundColors: foreground(p.tintedText, p) });
  return {
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: "'Segoe UI', 'DejaVu Sans', sans-serif",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 200, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "'Courier New', 'DejaVu Sans Mono', monospace",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 200, default: 400, bolder: 600 },
      },
    },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme === 'light' ? '#eeeeee' : '#605e5c' },
    containerStyles: {
      default: { backgroundColor: p.background, foregroundColors: foreground(p.text, p) },
      emphasis: { backgroundColor: p.emphasis, foregroundColors: foreground(p.text, p) },
      accent: tinted(p.tints.accent),
      good: tinted(p.tints.good),
      warning: tinted(p.tints.warning),
      attention: tinted(p.tints.attention),
    },
    actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'Horizontal', actionAlignment: 'Left' },
    factSet: {
      title: { weight: 'Bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 16,
    },
  };
}
