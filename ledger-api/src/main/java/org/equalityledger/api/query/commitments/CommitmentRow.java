package org.equalityledger.api.query.commitments;

import java.time.Instant;
import java.util.List;

/**
 * A commitment as a line of a list or export: flat, with its maker's and initiatives' names. Codes
 * (stakeholder group, status, types, progress) are the API's enum names; {@code actions} are
 * {@code initiativeId:actionCode}.
 */
public record CommitmentRow(String commitmentId, String title, String makerId, String makerName, String stakeholderGroup,
                            String hemisphere, String country, String region, List<String> initiatives,
                            List<String> initiativeNames, List<String> actions, List<String> actionNames, String status,
                            List<String> types, int startYear, int endYear, Instant pledgedAt, int pledgeYear,
                            String financialAmount, String financialCurrency, boolean financialCommitmentExpected,
                            List<Integer> reportedYears, List<Integer> lateYears, List<Integer> correctedYears,
                            String latestProgress, List<String> pendingDecisions, int amendments, int extensions,
                            Instant closedAt, Instant lastChangedAt) {
}
