/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseSealTest {

    final UUID caseId = UUID.randomUUID();
    final PersonKeys alice = PersonKeys.generate("alice");
    final PersonKeys nick = PersonKeys.generate("nick");

    @Test
    void aCaseKeyWrappedForAPersonOpensOnlyWithTheirKeys() {
        byte[] key = CaseSeal.newCaseKey();
        String ctx = CaseSeal.wrapContext(caseId, 1, "alice");
        String wrapped = CaseSeal.wrap(key, alice.boxPublic(), ctx);
        assertThat(CaseSeal.unwrap(alice, wrapped, ctx)).isEqualTo(key);
        assertThatThrownBy(() -> CaseSeal.unwrap(nick, wrapped, ctx)).isInstanceOf(ProtectionException.class);
    }

    @Test
    void aWrappedKeyMovedToAnotherCaseGenerationOrPersonDoesNotOpen() {
        byte[] key = CaseSeal.newCaseKey();
        String wrapped = CaseSeal.wrap(key, alice.boxPublic(), CaseSeal.wrapContext(caseId, 1, "alice"));
        assertThatThrownBy(() -> CaseSeal.unwrap(alice, wrapped, CaseSeal.wrapContext(UUID.randomUUID(), 1, "alice")))
                .isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> CaseSeal.unwrap(alice, wrapped, CaseSeal.wrapContext(caseId, 2, "alice")))
                .isInstanceOf(ProtectionException.class);
    }

    @Test
    void eachWrapUsesAFreshEphemeralKey() {
        byte[] key = CaseSeal.newCaseKey();
        String ctx = CaseSeal.wrapContext(caseId, 1, "alice");
        assertThat(CaseSeal.wrap(key, alice.boxPublic(), ctx)).isNotEqualTo(CaseSeal.wrap(key, alice.boxPublic(), ctx));
    }

    @Test
    void sealedFieldsOpenWithTheirKeyAndBindingOnly() {
        byte[] key = CaseSeal.newCaseKey();
        TreeMap<String, String> fields = new TreeMap<>();
        fields.put("childRef", "ZEBRA-1");
        fields.put("concern", "Ünïcode and \"quotes\"");
        String sealed = CaseSeal.seal(key, fields, "binding-1");
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("ZEBRA");
        assertThat(CaseSeal.open(key, sealed, "binding-1")).isEqualTo(fields);
        assertThatThrownBy(() -> CaseSeal.open(key, sealed, "binding-2")).isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> CaseSeal.open(CaseSeal.newCaseKey(), sealed, "binding-1"))
                .isInstanceOf(ProtectionException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> CaseSeal.open(key, Base64.getEncoder().encodeToString(bytes), "binding-1"))
                .isInstanceOf(ProtectionException.class);
    }

    @Test
    void damagedTextIsReportedNotThrownRaw() {
        assertThatThrownBy(() -> CaseSeal.unwrap(alice, "not base64 !!", "x")).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("damaged");
    }
}
