package org.equalityledger.api.commitment;

import org.equalityledger.api.common.Checks;

/**
 * Where a commitment comes from: a forum (with its name), a yearly window (with its year) or a
 * participation report (with its reference). Only the field matching the kind is used.
 */
public record Origin(OriginKind kind, String forumName, Integer windowYear, String reportReference) {

    public static Origin forum(String forumName) {
        return new Origin(OriginKind.FORUM, forumName, null, null);
    }

    public static Origin yearlyWindow(int year) {
        return new Origin(OriginKind.YEARLY_WINDOW, null, year, null);
    }

    public static Origin participationReport(String reference) {
        return new Origin(OriginKind.PARTICIPATION_REPORT, null, null, reference);
    }

    static void check(Checks checks, String field, Origin origin) {
        if (!checks.notNull(field, origin) || !checks.notNull(field + ".kind", origin.kind())) {
            return;
        }
        switch (origin.kind()) {
            case FORUM -> checks.line(field + ".forumName", origin.forumName(), Checks.NAME_MAX);
            case YEARLY_WINDOW -> checks.year(field + ".windowYear", origin.windowYear());
            case PARTICIPATION_REPORT ->
                    checks.line(field + ".reportReference", origin.reportReference(), Checks.NAME_MAX);
        }
        // Unused by the kind, but recorded all the same: the same rule for their text.
        if (origin.kind() != OriginKind.FORUM) {
            checks.optionalLine(field + ".forumName", origin.forumName(), Checks.NAME_MAX);
        }
        if (origin.kind() != OriginKind.PARTICIPATION_REPORT) {
            checks.optionalLine(field + ".reportReference", origin.reportReference(), Checks.NAME_MAX);
        }
    }
}
