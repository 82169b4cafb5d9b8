package org.crmkit.benchmarks.duplicate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicatePair;
import org.crmkit.core.duplicate.DuplicateScanResult;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * Scenario benchmark of a duplicate scan over 1,000,000 contacts in memory of which 2% (20,000) are planted
 * duplicates of other contacts, under {@code DuplicateRules.standard()}. Originals have a unique email, 70% a
 * unique mobile number, an address with one of 90,000 postal codes and a name of about 100 first names and 27,900
 * made-up last names. A planted duplicate copies an original and then, independently: misspells the last or first
 * name (one letter dropped, doubled or swapped, 40%), writes it in upper case (10%) or with accents (10%); keeps the
 * email (50%, upper-cased half of those), drops it (25%) or has another one (25%); keeps the phone (50%) or drops it;
 * keeps the postal code (95%) or drops the address. Reports the scan's wall and CPU time, the pairs compared and the
 * recall and precision of the planted pairs (a planted pair is found when both records are in one cluster; a pair
 * the scan reports is right when it is planted).
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.duplicate.DuplicateScanScenario \
 *     [--contacts 1000000] [--duplicate-share 0.02]
 * </pre>
 */
public final class DuplicateScanScenario {

    private static final String[] FIRST_NAMES = ("Ada Adam Agnieszka Aino Alex Alice Amelia Andrzej Anna Anton Ava "
                    + "Ben Bernd Carla Carlos Chloe Clara Daniel David Elena Elias Ella Emil Emma Erik Eva Felix Finn "
                    + "Freya Georg Greta Hanna Hans Heidi Henrik Ida Igor Ingrid Isabel Jakob Jan Jana Johan José Julia "
                    + "Jürgen Karin Karl Katarzyna Lars Laura Lea Leon Liam Lina Lisa Louis Luca Lucia Łukasz Maja "
                    + "Marek Maria Marta Martin Mateo Max Mia Mikko Milan Nina Noah Nora Olga Oscar Paul Paula Peter "
                    + "Piotr Rosa Ruth Sara Sofia Stefan Sven Tim Tomas Ulla Vera Viktor Wiktor Yara Zoë Zofia")
            .split(" ");
    private static final String[] SYLLABLES = ("ka mi ro sen berg wal ter lin dorf man ski ne ha gen tz mo ri ta "
                    + "ber lo vic son ma ra el an us ko ve sta")
            .split(" ");
    private static final String[] DOMAINS = {"example.com", "mail.example", "post.example", "web.example"};
    private static final String[] MOBILE_PREFIXES = {"151", "152", "157", "176"};
    private static final int BATCH = 1_000;

    private DuplicateScanScenario() {}

    public static void main(String[] args) {
        int contacts = 1_000_000;
        double duplicateShare = 0.02;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--contacts" -> contacts = Integer.parseInt(args[i + 1]);
                case "--duplicate-share" -> duplicateShare = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        int duplicates = (int) Math.round(contacts * duplicateShare);
        int originals = contacts - duplicates;
        long loadStart = System.nanoTime();
        Set<Long> planted = load(storage, clock, originals, duplicates);
        System.out.printf(
                Locale.ROOT,
                "loaded %,d contacts (%,d planted duplicates) in %.1f s%n",
                contacts,
                duplicates,
                (System.nanoTime() - loadStart) / 1e9);

        System.gc();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        DuplicateScanResult result = crm.duplicates().scanContacts();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpu = (processCpuNanos() - processCpuStart) / 1e9;

        Set<Long> clustered = new HashSet<>();
        long reported = 0;
        long right = 0;
        for (var cluster : result.clusters()) {
            List<RecordRef> records = cluster.records();
            for (int a = 0; a < records.size(); a++) {
                for (int b = a + 1; b < records.size(); b++) {
                    clustered.add(pairKey(records.get(a), records.get(b)));
                }
            }
            for (DuplicatePair pair : cluster.pairs()) {
                reported++;
                if (planted.contains(pairKey(pair.first(), pair.second()))) {
                    right++;
                }
            }
        }
        long found = planted.stream().filter(clustered::contains).count();
        System.out.printf(
                Locale.ROOT,
                "scan: %.1f s wall, %.1f s CPU of the scanning thread, %.1f s CPU of the process (GC included); %,d"
                        + " records read, %,d pairs compared, %,d clusters%n",
                wall,
                cpu,
                processCpu,
                result.recordsRead(),
                result.pairsCompared(),
                result.clusters().size());
        System.out.printf(
                Locale.ROOT,
                "recall %.2f%% (%,d of %,d planted pairs in one cluster), precision %.2f%% (%,d of %,d reported pairs"
                        + " planted); load average %.1f%n",
                100.0 * found / planted.size(),
                found,
                planted.size(),
                100.0 * right / reported,
                right,
                reported,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Stores the originals and the planted duplicates; returns the planted pairs. */
    private static Set<Long> load(InMemoryStorage storage, Clock clock, int originals, int duplicates) {
        Random random = new Random(16);
        IdGenerator ids = new IdGenerator(clock);
        UserId owner = UserId.next(ids);
        List<NewContact> people = new ArrayList<>(originals);
        List<Contact> batch = new ArrayList<>(BATCH);
        List<ContactId> stored = new ArrayList<>(originals);
        for (int i = 0; i < originals; i++) {
            NewContact person = original(i, random, owner);
            people.add(person);
            Contact contact = Contact.register(TenantId.DEFAULT, ContactId.next(ids), person, clock);
            stored.add(contact.id());
            batch.add(contact);
            if (batch.size() == BATCH) {
                save(storage, batch);
            }
        }
        Set<Long> planted = new HashSet<>();
        Set<Integer> copied = new HashSet<>();
        for (int d = 0; d < duplicates; d++) {
            int of;
            do {
                of = random.nextInt(originals);
            } while (!copied.add(of));
            Contact contact = Contact.register(
                    TenantId.DEFAULT, ContactId.next(ids), duplicateOf(people.get(of), d, random, owner), clock);
            planted.add(pairKey(RecordRef.contact(stored.get(of)), RecordRef.contact(contact.id())));
            batch.add(contact);
            if (batch.size() == BATCH) {
                save(storage, batch);
            }
        }
        save(storage, batch);
        return planted;
    }

    private static void save(InMemoryStorage storage, List<Contact> batch) {
        storage.transactions().inTransaction(() -> storage.contacts().saveAll(batch));
        batch.clear();
    }

    private static NewContact original(int i, Random random, UserId owner) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        StringBuilder last = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            last.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        String lastName = Character.toUpperCase(last.charAt(0)) + last.substring(1);
        NewContact person = NewContact.of(PersonName.of(first, lastName), owner)
                .withEmail(
                        EmailAddress.of(ascii(first) + "." + last + "." + i + "@" + DOMAINS[i % DOMAINS.length]),
                        ContactPointType.WORK)
                .withAddress(
                        PostalAddress.of("Street " + (1 + random.nextInt(200)), postcode(random), "Town", "DE"),
                        ContactPointType.HOME);
        if (random.nextInt(10) < 7) {
            person = person.withPhone(
                    new PhoneNumber("+49" + MOBILE_PREFIXES[i % MOBILE_PREFIXES.length] + String.format("%08d", i)),
                    ContactPointType.MOBILE);
        }
        return person;
    }

    private static NewContact duplicateOf(NewContact original, int d, Random random, UserId owner) {
        String first = original.name().firstName();
        String last = original.name().lastName();
        int nameChange = random.nextInt(10);
        if (nameChange < 4) {
            if (random.nextBoolean()) {
                last = misspelt(last, random);
            } else {
                first = misspelt(first, random);
            }
        } else if (nameChange == 4) {
            last = last.toUpperCase(Locale.ROOT);
        } else if (nameChange == 5) {
            last = last.replace('a', 'á').replace('o', 'ö');
        }
        NewContact copy = NewContact.of(PersonName.of(first, last), owner);
        int emailChange = random.nextInt(4);
        String email = original.contactPoints().emails().get(0).value().value();
        if (emailChange == 0) {
            copy = copy.withEmail(EmailAddress.of(email), ContactPointType.HOME);
        } else if (emailChange == 1) {
            copy = copy.withEmail(EmailAddress.of(email.toUpperCase(Locale.ROOT)), ContactPointType.HOME);
        } else if (emailChange == 2) {
            copy = copy.withEmail(EmailAddress.of("other." + d + "@elsewhere.example"), ContactPointType.HOME);
        }
        if (!original.contactPoints().phones().isEmpty() && random.nextBoolean()) {
            copy = copy.withPhone(original.contactPoints().phones().get(0).value(), ContactPointType.WORK);
        }
        if (random.nextInt(20) > 0) {
            copy = copy.withAddress(original.contactPoints().addresses().get(0).value(), ContactPointType.HOME);
        }
        return copy;
    }

    /** One letter dropped, doubled or swapped with the next. */
    private static String misspelt(String name, Random random) {
        int at = 1 + random.nextInt(name.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.charAt(at) + name.substring(at);
            default -> name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
        };
    }

    private static String postcode(Random random) {
        return String.valueOf(10_000 + random.nextInt(90_000));
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("Ł", "L")
                .toLowerCase(Locale.ROOT);
    }

    private static long pairKey(RecordRef a, RecordRef b) {
        long x = a.id().getLeastSignificantBits() ^ a.id().getMostSignificantBits();
        long y = b.id().getLeastSignificantBits() ^ b.id().getMostSignificantBits();
        return x < y ? x * 31 + y : y * 31 + x;
    }
}
