package org.openrom.host.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrom.api.host.Clinician;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Host;
import org.openrom.api.host.Patient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in record system: local accounts from configuration and a synthetic caseload, split evenly
 * across the clinician accounts. Immutable after construction, so thread-safe.
 */
@Component(service = Host.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoHost.Config.class)
public final class DemoHost implements Host {
    private static final Logger LOG = LoggerFactory.getLogger(DemoHost.class);

    /** Checked against for unknown users, so that an unknown user costs as much as a wrong password. */
    private static final PasswordHash DECOY = PasswordHash.parse(
            "pbkdf2-sha256$600000$z3BdmX2CNFHkk1Kz+lcW3Q==$fgZvdr0tpCvluUEN64Rs1O6gGfpebPMFo/agFAcksA4=");

    @ObjectClassDefinition(name = "OpenROM demo host", description = "Synthetic caseload and local accounts.")
    public @interface Config {
        @AttributeDefinition(description = "Accounts as username|role|display name|password hash; role is"
                + " CLINICIAN or SITE_ADMIN; the hash is pbkdf2-sha256$iterations$salt$hash.")
        String[] accounts();

        @AttributeDefinition(description = "Seed of the synthetic caseload: the same seed gives the same people.")
        long caseloadSeed() default 2026L;

        @AttributeDefinition(description = "Young people per clinician account.")
        int patientsPerClinician() default 8;
    }

    private record Account(Clinician clinician, PasswordHash hash) {}

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, List<Patient>> caseloads = new HashMap<>();
    private final Map<String, Patient> patients = new HashMap<>();
    private final Map<String, List<Episode>> episodes = new HashMap<>();

    @Activate
    public DemoHost(Config config) {
        this(config, Clock.systemDefaultZone());
    }

    DemoHost(Config config, Clock clock) {
        if (config.patientsPerClinician() < 0) {
            throw new IllegalArgumentException("patientsPerClinician < 0: " + config.patientsPerClinician());
        }
        List<Clinician> clinicians = new ArrayList<>();
        for (String line : config.accounts()) {
            Account account = parseAccount(line);
            if (accounts.put(account.clinician().id(), account) != null) {
                throw new IllegalArgumentException("accounts: user " + account.clinician().id() + " is listed twice");
            }
            if (account.clinician().role() == Clinician.Role.CLINICIAN) {
                clinicians.add(account.clinician());
            }
        }
        LocalDate today = LocalDate.now(clock);
        SyntheticCaseload synthetic =
                new SyntheticCaseload(config.caseloadSeed(), config.patientsPerClinician() * clinicians.size(), today);
        List<Patient> all = synthetic.patients();
        for (int i = 0; i < clinicians.size(); i++) {
            int from = i * config.patientsPerClinician();
            caseloads.put(clinicians.get(i).id(), List.copyOf(all.subList(from, from + config.patientsPerClinician())));
        }
        all.forEach(p -> patients.put(p.id(), p));
        for (Episode e : synthetic.episodes()) {
            episodes.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
        }
        episodes.replaceAll((k, v) -> List.copyOf(v));
        LOG.debug("demo host: {} accounts, {} young people", accounts.size(), patients.size());
    }

    private static Account parseAccount(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("accounts: expected username|role|display name|hash, got "
                    + f.length + " fields in the entry for " + (f.length > 0 ? f[0] : "?"));
        }
        Clinician.Role role;
        try {
            role = Clinician.Role.valueOf(f[1].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accounts: unknown role " + f[1] + " for user " + f[0], e);
        }
        return new Account(new Clinician(f[0].strip(), f[2].strip(), role), PasswordHash.parse(f[3].strip()));
    }

    @Override
    public Optional<Clinician> authenticate(String username, char[] password) {
        Account account = accounts.get(username);
        if (account == null) {
            DECOY.matches(password);
            return Optional.empty();
        }
        return account.hash().matches(password) ? Optional.of(account.clinician()) : Optional.empty();
    }

    @Override
    public List<Patient> caseload(String clinicianId) {
        return caseloads.getOrDefault(clinicianId, List.of());
    }

    @Override
    public Optional<Patient> patient(String patientId) {
        return Optional.ofNullable(patients.get(patientId));
    }

    @Override
    public List<Episode> episodes(String patientId) {
        return episodes.getOrDefault(patientId, List.of());
    }
}
