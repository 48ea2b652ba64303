package dev.drawbridge.client.history;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.op.Op;

/**
 * What can be said about who made an element and who changed it last (issue 17, ADR 0011 point 6),
 * from the history's {@link Attribution} and, for an element older than the history, the author the
 * element itself names.
 *
 * @param madeBy client id of the maker; null when unknown
 * @param madeAt when it was made, epoch ms; 0 when unknown
 * @param changedBy client id of whoever changed it last, after making it; null when nobody did (as
 *     far as the history knows)
 * @param changedAt when, epoch ms; 0 when unknown
 */
public record Credits(String madeBy, long madeAt, String changedBy, long changedAt) {

  /**
   * @param attribution from {@link Timeline#attribution}; null when no op of the history touched it
   * @param element the element as it is now; null when unknown
   */
  public static Credits of(Attribution attribution, Element element) {
    String madeBy = element == null ? null : element.author();
    long madeAt = 0;
    if (attribution != null && attribution.created() != null) {
      madeBy = attribution.created().clientId();
      madeAt = attribution.createdTime();
    }
    if (attribution == null || attribution.lastChanged() == attribution.created()) {
      return new Credits(madeBy, madeAt, null, 0);
    }
    String changedBy = attribution.lastChanged().clientId();
    // The maker's own appends are the drawing of the stroke, not a later change.
    if (attribution.lastChanged().op() instanceof Op.AppendPoints && changedBy.equals(madeBy)) {
      return new Credits(madeBy, madeAt, null, 0);
    }
    return new Credits(madeBy, madeAt, changedBy, attribution.lastChangedTime());
  }
}
