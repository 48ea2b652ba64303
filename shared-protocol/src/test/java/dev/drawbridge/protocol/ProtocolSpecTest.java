package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md defines each rule number exactly once, in bold, and every rule the main code
 * cites exists there, so tests and javadoc can point at rules by number.
 */
class ProtocolSpecTest {
  private static final Path SPEC = Path.of("../docs/protocol.md");
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern BOLD_RULE = Pattern.compile("\\*\\*R(\\d+)\\*\\*");
  private static final Pattern CITED_RULE = Pattern.compile("\\bR(\\d+)(?:[–-]R(\\d+))?\\b");

  static Set<Integer> expectedRules() {
    Set<Integer> rules = new TreeSet<>();
    IntStream.rangeClosed(1, 26).forEach(rules::add);
    IntStream.rangeClosed(30, 34).forEach(rules::add);
    IntStream.rangeClosed(40, 47).forEach(rules::add);
    rules.addAll(List.of(50, 60, 70, 71, 72));
    IntStream.rangeClosed(73, 76).forEach(rules::add);
    IntStream.rangeClosed(80, 87).forEach(rules::add);
    IntStream.rangeClosed(88, 94).forEach(rules::add);
    // Sticky notes (issue 16); R99 is reserved for them and not yet defined.
    IntStream.rangeClosed(95, 98).forEach(rules::add);
    IntStream.rangeClosed(100, 106).forEach(rules::add);
    IntStream.rangeClosed(107, 115).forEach(rules::add); // images and blobs (issue 15)
    IntStream.rangeClosed(116, 120).forEach(rules::add); // history (issue 17)
    IntStream.rangeClosed(121, 124).forEach(rules::add); // groups
    IntStream.rangeClosed(125, 126).forEach(rules::add); // dashed and dotted outlines
    IntStream.rangeClosed(127, 128).forEach(rules::add); // locks
    rules.add(129); // history: one action's ops marked in their ids
    return rules;
  }

  @Test
  void everyRuleIsDefinedOnceInBold() throws IOException {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    List<Integer> defined = new ArrayList<>();
    Matcher m = BOLD_RULE.matcher(spec);
    while (m.find()) {
      defined.add(Integer.parseInt(m.group(1)));
    }
    assertThat(defined).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(defined)).isEqualTo(expectedRules());
    // A rule added later takes the next free number but is defined in its topic's section (R73–R76
    // in §1 Connecting): only the rules up to R70 are in document order.
    assertThat(defined.stream().filter(rule -> rule <= 70).toList()).isSorted();
  }

  @Test
  void mainCodeCitesOnlyRulesThatExist() throws IOException {
    Set<Integer> cited = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CITED_RULE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          int from = Integer.parseInt(m.group(1));
          int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
          for (int rule = from; rule <= to; rule++) {
            cited.add(rule);
          }
        }
      }
    }
    assertThat(cited).isNotEmpty();
    assertThat(expectedRules()).containsAll(cited);
  }
}
