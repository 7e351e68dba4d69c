// Emotion (MUI's styling engine) normally writes <style> elements, which the CSP default-src 'self' blocks.
// Constructable stylesheets adopted by the document are not inline styles, so the app keeps its strict CSP.
import createCache, { type EmotionCache } from '@emotion/cache';

let mainSheet: CSSStyleSheet | null = null;

/** Stands in for @emotion/sheet's StyleSheet; emotion's <Global> builds extra ones through `constructor`. */
class AdoptedStyleSheet {
  readonly sheet = new CSSStyleSheet();
  readonly tags: HTMLStyleElement[] = [];
  readonly key: string;
  readonly nonce: string | undefined = undefined;
  readonly container: Node = document.head;
  readonly isSpeedy = true;
  before: Element | null = null;

  constructor(options: { key: string }) {
    this.key = options.key;
    const adopted = [...document.adoptedStyleSheets];
    if (!mainSheet) {
      mainSheet = this.sheet;
      adopted.push(this.sheet);
    } else {
      // Global styles (CssBaseline) go before component styles, as emotion orders its <style> tags.
      adopted.splice(Math.max(0, adopted.indexOf(mainSheet)), 0, this.sheet);
    }
    document.adoptedStyleSheets = adopted;
  }

  insert(rule: string): void {
    try {
      this.sheet.insertRule(rule, this.sheet.cssRules.length);
    } catch {
      // A rule this browser does not understand (another engine's prefix) is skipped, as a <style> tag would.
    }
  }

  hydrate(): void {}

  flush(): void {
    this.sheet.replaceSync('');
  }
}

export function createStyleCache(): EmotionCache {
  const cache = createCache({ key: 'roster' });
  (cache as { sheet: unknown }).sheet = new AdoptedStyleSheet({ key: 'roster' });
  return cache;
}
