package org.crmkit.core.party;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * Descriptive details of an account, each optional (null when unknown): the registered legal name, the industry
 * (free text, matched by territories ignoring case), the website (an http or https address; {@code "acme.com"}
 * is read as {@code "https://acme.com"}) and the VAT or tax id (letters, digits, spaces, '.', '-', '/').
 */
public record AccountDetails(String legalName, String industry, String website, String taxId) {

    private static final Pattern TAX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{1,49}");

    public static final AccountDetails NONE = new AccountDetails(null, null, null, null);

    public AccountDetails {
        legalName = Require.maxLength(Require.optional(legalName), 200, "legalName");
        industry = Require.maxLength(Require.optional(industry), 100, "industry");
        website = website(Require.optional(website));
        taxId = Require.optional(taxId);
        if (taxId != null && !TAX_ID.matcher(taxId).matches()) {
            throw InvalidValueException.invalid(
                    "taxId", "'" + taxId + "' must be 2 to 50 letters, digits, spaces or . - /");
        }
    }

    private static String website(String text) {
        if (text == null) {
            return null;
        }
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || !uri.getHost().contains(".")) {
                throw InvalidValueException.invalid("website", "'" + text + "' is not an http(s) address with a host");
            }
            return Require.maxLength(uri.toString(), 500, "website");
        } catch (URISyntaxException e) {
            throw InvalidValueException.invalid("website", "'" + text + "' is not a valid address");
        }
    }
}
