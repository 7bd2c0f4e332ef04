package org.salescomp.common;

import java.util.Locale;

/** The languages people read salescomp's pages, statements and console lines in ({@code salescomp.locale}). */
public enum UiLocale {
  EN("en", Locale.ENGLISH),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

  private final String tag;
  private final Locale locale;

  UiLocale(String tag, Locale locale) {
    this.tag = tag;
    this.locale = locale;
  }

  /** The BCP 47 tag, as written in the config and in {@code <html lang>}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The locale of a tag, or null for one salescomp has no translation for. */
  public static UiLocale ofTag(String tag) {
    for (UiLocale l : values()) {
      if (l.tag.equals(tag)) {
        return l;
      }
    }
    return null;
  }

  public static String tags() {
    StringBuilder s = new StringBuilder();
    for (UiLocale l : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(l.tag);
    }
    return s.toString();
  }
}
