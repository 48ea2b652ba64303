/**
 * "Host on this computer", without a screen: {@code HostedRelay} runs relay-core inside the app, on
 * a stable port when it is free, with token auth signed by the home's {@code HostSecret}, and mints
 * the host's token and the invite links; {@code LanAddress} finds the address others on the local
 * network join. No JavaFX: the app shell starts the relay on a background thread and closes it with
 * the window; the start screen only asks it for a new room name.
 */
package dev.drawbridge.client.host;
