package dev.drawbridge.client.ui.start;

import dev.drawbridge.client.invite.InviteLink;
import dev.drawbridge.protocol.validation.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user typed to join a board. {@link #problems()} lists what is wrong as message keys;
 * {@link #roomUrl()} is the handshake address (R1: {@code ws[s]://host:port/v1/rooms/{room}}). An
 * invite link or a full room address in the server field fills in the room too, and its room wins
 * over the one in the room field (which may be remembered from an earlier board: issue 14).
 */
public record JoinForm(String serverUrl, String room, String name, String token) {
  public JoinForm {
    serverUrl = serverUrl == null ? "" : serverUrl.trim();
    room = room == null ? "" : room.trim();
    name = name == null ? "" : name.trim();
    token = token == null ? "" : token.trim();
    Optional<InviteLink> link =
        InviteLink.parse(serverUrl.contains("://") ? serverUrl : "ws://" + serverUrl);
    if (link.isPresent()) {
      serverUrl = link.get().serverUrl();
      room = link.get().room();
      if (link.get().token() != null) {
        token = link.get().token();
      }
    }
  }

  /** This form with the server, room and token of {@code link}; the name stays. */
  public JoinForm with(InviteLink link) {
    return new JoinForm(
        link.serverUrl(), link.room(), name, link.token() == null ? "" : link.token());
  }

  /** Message keys for what is wrong; empty when the form can be submitted. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (InviteLink.looksLikeOne(serverUrl)) {
      // A link that did not parse: never fall back to its host with the room field's room.
      problems.add(refusalKey(serverUrl));
    } else if (server() == null) {
      problems.add("join.error.url");
    }
    if (room.isEmpty()) {
      problems.add("join.error.roomEmpty");
    } else if (!Require.isRoomName(room)) {
      problems.add("join.error.room");
    }
    if (name.isEmpty() || name.length() > 64) {
      problems.add("join.error.name");
    }
    return problems;
  }

  /** The message key saying why {@code text}, meant as an invite link, is not one. */
  public static String refusalKey(String text) {
    return switch (InviteLink.refusal(text)) {
      case ROOM -> "invite.error.room";
      case TOKEN -> "invite.error.token";
      case OTHER -> "invite.error.link";
    };
  }

  /** The server as a ws/wss URI (http and https are accepted and mapped), or null when invalid. */
  public URI server() {
    URI uri = parse(serverUrl);
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return null;
    }
    String scheme =
        switch (uri.getScheme().toLowerCase()) {
          case "ws", "http" -> "ws";
          case "wss", "https" -> "wss";
          default -> null;
        };
    if (scheme == null) {
      return null;
    }
    try {
      return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The room's handshake address, or null when the form is invalid. */
  public URI roomUrl() {
    URI base = server();
    if (base == null || !Require.isRoomName(room)) {
      return null;
    }
    return URI.create(base + "/v1/rooms/" + room);
  }

  private static URI parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new URI(text.contains("://") ? text : "ws://" + text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
