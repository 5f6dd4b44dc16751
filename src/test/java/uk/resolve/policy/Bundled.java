/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import uk.resolve.domain.policy.Policy;
import uk.resolve.domain.policy.Stage;

/** Loads a procedure bundled with Resolve, as the application does. */
final class Bundled {

    private Bundled() {
    }

    static Policy load(String id) {
        try (InputStream in = Bundled.class.getResourceAsStream("/policies/" + id + ".yaml")) {
            return PolicyLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".yaml");
        } catch (IOException | PolicyFileException e) {
            throw new AssertionError("bundled procedure " + id + " does not load: " + e.getMessage(), e);
        }
    }

    static Stage stage(Policy p, int n) {
        return p.defaultTrack().stage(n).orElseThrow();
    }
}
