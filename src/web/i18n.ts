import { LANGUAGES, type Language } from '../framework/schema.ts';

/** Interface strings per UI language. Keys are shared; every language must define every key. */
const STRINGS = {
  en: {
    appName: 'GCM Tracker',
    tagline: 'Implementing and reviewing the Global Compact for Safe, Orderly and Regular Migration',
    objectives: 'The 23 objectives',
    actions: 'actions',
    language: 'Language',
    skipToContent: 'Skip to content',
    footer: 'Open-source. Framework text: UN General Assembly resolution 73/195.',
  },
  fr: {
    appName: 'GCM Tracker',
    tagline:
      'Mettre en œuvre et examiner le Pacte mondial pour des migrations sûres, ordonnées et régulières',
    objectives: 'Les 23 objectifs',
    actions: 'mesures',
    language: 'Langue',
    skipToContent: 'Aller au contenu',
    footer: 'Logiciel libre. Texte du cadre : résolution 73/195 de l’Assemblée générale des Nations Unies.',
  },
  nl: {
    appName: 'GCM Tracker',
    tagline: 'Uitvoering en evaluatie van het Wereldpact voor veilige, ordelijke en reguliere migratie',
    objectives: 'De 23 doelstellingen',
    actions: 'acties',
    language: 'Taal',
    skipToContent: 'Naar de inhoud',
    footer: 'Open source. Tekst van het kader: resolutie 73/195 van de Algemene Vergadering van de VN.',
  },
  de: {
    appName: 'GCM Tracker',
    tagline:
      'Umsetzung und Überprüfung des Globalen Pakts für eine sichere, geordnete und reguläre Migration',
    objectives: 'Die 23 Ziele',
    actions: 'Maßnahmen',
    language: 'Sprache',
    skipToContent: 'Zum Inhalt springen',
    footer: 'Open Source. Text des Rahmens: Resolution 73/195 der UN-Generalversammlung.',
  },
} satisfies Record<Language, Record<string, string>>;

export type Strings = (typeof STRINGS)['en'];

export function strings(lang: Language): Strings {
  return STRINGS[lang];
}

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
};

/**
 * Picks the UI language: an explicit `?lang=` wins, then the `lang` cookie, then the first supported
 * language in Accept-Language, then English.
 */
export function pickLanguage(query?: string, cookie?: string, acceptLanguage?: string): Language {
  for (const candidate of [query, cookie]) {
    if (candidate && (LANGUAGES as readonly string[]).includes(candidate)) return candidate as Language;
  }
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  }
  return 'en';
}
