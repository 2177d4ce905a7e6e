package org.equalityledger.projections.reference;

import java.util.Locale;

import org.equalityledger.api.maker.StakeholderGroup;

/** Readable names for the codes a reader sees: stakeholder groups, statuses, countries, regions. */
public final class Names {

    private Names() {
    }

    public static String group(String code) {
        if (code == null) {
            return "";
        }
        return switch (StakeholderGroup.valueOf(code)) {
            case GOVERNMENT -> "Government";
            case CIVIL_SOCIETY -> "Feminist, women's or other civil-society organisation";
            case YOUTH_LED_ORGANISATION -> "Youth-led organisation";
            case PRIVATE_SECTOR -> "Private sector";
            case PHILANTHROPY -> "Philanthropy";
            case INTERNATIONAL_ORGANISATION -> "UN agency or other international organisation";
            case OTHER_INSTITUTION -> "Other institution";
        };
    }

    public static String country(String code) {
        if (code == null) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    /** {@code GLOBAL_SOUTH} → {@code Global South}, {@code OVERDUE_ONE_CYCLE} → {@code Overdue one cycle}. */
    public static String words(String code) {
        if (code == null) {
            return "";
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        if (code.startsWith("GLOBAL_") || code.contains("AMERICA") || code.contains("ASIA") || code.contains("AFRICA")
                || code.contains("ARAB") || code.contains("EUROPE")) {
            StringBuilder b = new StringBuilder();
            for (String w : lower.split(" ")) {
                b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
            return b.toString();
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
