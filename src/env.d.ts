/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('./i18n/locales.ts').Locale;
    localeInfo: import('./i18n/locales.ts').LocaleInfo;
    t: import('./i18n/index.ts').Translate;
    /** site-relative path → URL with base and this page's locale prefix */
    href: (path: string) => string;
  }
}
