/**
 * What a user can send with a bug report: the app's rotating log file and a diagnostics summary
 * (versions, system, the log's last lines) with every secret taken out. Plain Java, no UI.
 */
package dev.drawbridge.client.diag;
