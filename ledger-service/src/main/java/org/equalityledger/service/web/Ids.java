package org.equalityledger.service.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ids of the API. Every aggregate stream is keyed by its id alone, so the kinds never share one:
 * the server mints {@code commitment-<uuid>} and {@code maker-<uuid>}; an initiative's id is chosen by
 * the secretariat (lower-case letters, digits and dashes) and may not start with a prefix reserved for
 * another kind; reporting cycles are {@code reporting-cycle-<year>}.
 */
public final class Ids {

    public static final String COMMITMENT = "commitment-";
    public static final String MAKER = "maker-";
    static final List<String> RESERVED = List.of(COMMITMENT, MAKER, "reporting-cycle-");
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern COMMITMENT_ID = Pattern.compile(COMMITMENT + UUID_FORM);
    private static final Pattern INITIATIVE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public static final String INITIATIVE_ID_RULE =
            "must be 1-60 lower-case letters, digits or dashes, starting with a letter or digit, and not start with "
                    + "commitment-, maker- or reporting-cycle-";

    private Ids() {
    }

    public static String newCommitmentId() {
        return COMMITMENT + UUID.randomUUID();
    }

    public static String newMakerId() {
        return MAKER + UUID.randomUUID();
    }

    public static boolean isCommitmentId(String id) {
        return id != null && COMMITMENT_ID.matcher(id).matches();
    }

    public static boolean isInitiativeId(String id) {
        return id != null && INITIATIVE_ID.matcher(id).matches() && RESERVED.stream().noneMatch(id::startsWith);
    }

    /** The id an initiative gets when the request names only its code: the code in lower case. */
    public static String initiativeIdFromCode(String code) {
        return code == null ? null : code.toLowerCase(Locale.ROOT);
    }
}
