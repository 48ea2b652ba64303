/**
 * "Host on this computer", without a screen: {@code HostedRelay} runs relay-core inside the app, on
 * a stable port when it is free, and {@code LanAddress} finds the address others on the local
 * network join. No JavaFX: the app shell starts the relay on a background thread and closes it with
 * the window; the start screen only reads the default room name from here.
 */
package dev.drawbridge.client.host;
