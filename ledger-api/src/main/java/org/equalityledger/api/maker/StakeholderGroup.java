package org.equalityledger.api.maker;

/** The seven stakeholder groups commitment makers come from (DESIGN.md, seed 000 §4). */
public enum StakeholderGroup {
    GOVERNMENT,
    /** Feminist and women's organisations and movements, and other civil society. */
    CIVIL_SOCIETY,
    YOUTH_LED_ORGANISATION,
    PRIVATE_SECTOR,
    PHILANTHROPY,
    /** UN agencies and other regional or international organisations, incl. multilateral development banks. */
    INTERNATIONAL_ORGANISATION,
    /** Universities, research centres, professional bodies, media, local and regional governments. */
    OTHER_INSTITUTION;

    /** Governments, philanthropies and the private sector are expected to include a financial commitment. */
    public boolean expectedToCommitFinancially() {
        return this == GOVERNMENT || this == PHILANTHROPY || this == PRIVATE_SECTOR;
    }
}
