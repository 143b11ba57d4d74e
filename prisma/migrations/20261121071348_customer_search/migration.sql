-- The dashboard's customer search (lib/customers/search-customers.ts) and its wallet delivery panel.

-- Wallet delivery facts, filled by the wallet services; null until they know something.
-- A device's last APNs push for this pass and its answer ("ok", or APNs' reason such as "BadDeviceToken").
ALTER TABLE "apple_device_registrations" ADD COLUMN     "last_push_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_push_result" TEXT;

-- When a device last downloaded the card's Apple pass and the card version it showed;
-- when the Google object was last created or patched and how that went ("ok" or the error in short).
ALTER TABLE "cards" ADD COLUMN     "apple_last_fetched_at" TIMESTAMPTZ(3),
ADD COLUMN     "apple_last_fetched_version" INTEGER,
ADD COLUMN     "google_last_patch_at" TIMESTAMPTZ(3),
ADD COLUMN     "google_last_patch_result" TEXT;

-- Lower case without accents, so "helene" finds "Hélène" and "muller" finds "Müller". The search
-- passes the words typed through the same function, so both sides always fold alike. Core
-- PostgreSQL only (normalize, regexp_replace, translate): it runs on PGlite too.
CREATE FUNCTION "search_fold"(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(
    replace(replace(replace(regexp_replace(normalize(lower(value), NFD), '[\u0300-\u036f]', '', 'g'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
    'øłđ', 'old')
$$;

-- A customer's search terms: the words of the name and of the email's local part (folded, for
-- word-prefix queries such as 'hel:*'), the whole email (for 'anna@exa:*'), and '~' followed by
-- the phone's digits reversed, so a prefix query on the reversed digits finds the number however
-- the person typed its beginning (+352, 00352 or nothing). Positions are stripped: nothing ranks.
CREATE FUNCTION "customer_search_vector"(name text, email text, phone text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT strip(
    to_tsvector('simple', search_fold(coalesce(name, '') || ' ' || translate(split_part(coalesce(email, ''), '@', 1), '._-+', '    ')))
    || array_to_tsvector(array_remove(ARRAY[
         nullif(email, ''),
         '~' || nullif(reverse(regexp_replace(coalesce(phone, ''), '\D', '', 'g')), '')
       ], NULL)))
$$;

-- Generated, so no code path can forget to keep it current (erasing a customer's data empties it).
ALTER TABLE "customers" ADD COLUMN     "search_vector" tsvector
  GENERATED ALWAYS AS ("customer_search_vector"("name", "email", "phone")) STORED;

-- CreateIndex
CREATE INDEX "customers_search_vector_idx" ON "customers" USING GIN ("search_vector");

-- Newest first with a (created_at, id) keyset, without a sort step on equal timestamps. Replaces (merchant_id, created_at).
DROP INDEX "cards_merchant_id_created_at_idx";
CREATE INDEX "cards_merchant_id_created_at_id_idx" ON "cards"("merchant_id", "created_at", "id");

-- The card page lists a card's Apple devices.
CREATE INDEX "apple_device_registrations_card_id_idx" ON "apple_device_registrations"("card_id");
