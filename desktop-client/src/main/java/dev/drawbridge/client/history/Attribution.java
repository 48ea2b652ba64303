package dev.drawbridge.client.history;

import dev.drawbridge.protocol.message.HistoryOp;

/**
 * Who made an element and who changed it last (issue 17), from the ops that changed it.
 *
 * @param created the op that added it; null when it came with the history's base snapshot (R118)
 * @param lastChanged the newest op that changed it (the add itself when nothing changed it since)
 * @param createdTime when it was added, as {@link Timeline#timeOf} resolves it; 0 when unknown
 * @param lastChangedTime when it was last changed; 0 when unknown
 */
public record Attribution(
    HistoryOp created, HistoryOp lastChanged, long createdTime, long lastChangedTime) {}
