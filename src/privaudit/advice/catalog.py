"""Remediation catalog: what to do about a finding, as data.

Advice is composed from tables so each fact is written once:

* ``REMOVE`` — how to take an item down, by platform × exposure (delete the post, unsend
  the message, change the account setting), for every platform reader;
* ``PROTECT`` — what to do about the value itself, by category × platform (``None`` = any
  platform): retire the number from SMS two-factor, hide the birth year, strip GPS;
* ``RULE_ADVICE`` and ``KEY_ROTATION`` — steps only one rule needs (rotate *this* kind of
  API key, move a wallet whose recovery phrase leaked);
* ``RESIDUAL`` (+ ``RESIDUAL_PLATFORM``) — what deletion cannot undo;
* ``WHY`` (+ ``WHY_RULE``) — why it matters, in one sentence;
* ``STEP_TYPES`` — the action plan's step types with their effort (minutes) and what they
  remove, used by :mod:`privaudit.assess.plan`.

:func:`advice_for_finding` composes them for one finding; :func:`advice_for` is the
category × platform × exposure core.
"""

from __future__ import annotations

from dataclasses import dataclass

from privaudit.model import Category, Exposure, Finding, Occurrence

PLATFORMS: dict[str, str] = {
    "x": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "google": "Google",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "reddit": "Reddit",
    "discord": "Discord",
    "snapchat": "Snapchat",
    "tiktok": "TikTok",
    "generic": "the platform",
}
"""Every platform reader id with its display name (``generic``: files of unknown origin)."""

_P, _F, _D, _M, _A = (
    Exposure.PUBLIC,
    Exposure.FOLLOWERS,
    Exposure.DELETED,
    Exposure.PRIVATE,
    Exposure.ACCOUNT,
)

REMOVE: dict[tuple[str, Exposure], str] = {
    # X
    ("x", _P): "Delete the post on X: open its link, choose ⋯ → Delete.",
    ("x", _F): "Delete the post on X (open its link, ⋯ → Delete): followers can screenshot or "
    "quote protected posts.",
    ("x", _D): "It is already deleted; X removes deleted posts from its systems within about 14 "
    "days — nothing more to do on X itself.",
    ("x", _M): "Delete the message in X: Messages → the conversation → hover the message → ⋯ → "
    "Delete for you. The other person keeps their copy.",
    ("x", _A): "Review it in X: Settings and privacy → Your account → Account information.",
    # Facebook
    ("facebook", _P): "Delete the post on Facebook: open its link, ⋯ → Move to trash (then "
    "Settings & privacy → Activity log → Trash → Delete), or change its audience to Only me.",
    ("facebook", _F): "On Facebook, open the item, ⋯ → Move to trash, or Edit audience → Only "
    "me; friends may already have seen or shared it.",
    ("facebook", _D): "It is in Facebook's Trash or gone: Settings & privacy → Activity log → "
    "Trash → Delete removes it before the 30 days run out.",
    ("facebook", _M): "In Messenger, hover the message → ⋯ → Unsend → Unsend for everyone "
    '("Remove for you" leaves the other person\'s copy).',
    ("facebook", _A): "Review it in Facebook: Settings & privacy → Settings → Accounts Center → "
    "Personal details, and Your information and permissions.",
    # Instagram
    ("instagram", _P): "Delete the post on Instagram: open it, ⋯ → Delete (or ⋯ → Archive to "
    "hide it), or make the account private: Settings and privacy → Account privacy.",
    ("instagram", _F): "Delete or archive the post on Instagram (⋯ → Delete / Archive); your "
    "followers may already have screenshots.",
    ("instagram", _D): "It is in Recently deleted: Your activity → Recently deleted → select it "
    "→ Delete, instead of waiting 30 days.",
    ("instagram", _M): "In the Instagram chat, press and hold the message → Unsend (removes it "
    "for both sides).",
    ("instagram", _A): "Review it in Instagram: Settings and privacy → Accounts Center → "
    "Personal details.",
    # Google
    ("google", _P): "Delete it where it is public: a YouTube comment → ⋮ → Delete; a shared "
    "Google Photos link or album → Sharing → stop sharing.",
    ("google", _F): "In Google Photos, open the shared album → ⋮ → Options → turn off Link "
    "sharing, or remove the photo from the album.",
    ("google", _D): "It is already deleted; empty the Google Photos Trash (kept 60 days) to "
    "remove it sooner.",
    ("google", _M): "In Google Chat, hover the message → ⋮ → Delete.",
    ("google", _A): "Review and delete it in your Google Account: myactivity.google.com for "
    "activity, Google Maps → Your Timeline for places, photos.google.com for photos.",
    # LinkedIn
    ("linkedin", _P): "Delete it on LinkedIn: open the post or comment, ⋯ → Delete.",
    ("linkedin", _F): "On LinkedIn, delete the post (⋯ → Delete) or, for contact info, Me → "
    "View profile → Contact info → edit; 1st-degree connections may have copied it.",
    ("linkedin", _D): "It is already deleted from LinkedIn.",
    ("linkedin", _M): "In LinkedIn Messaging, hover the message → ⋯ → Delete; after LinkedIn's "
    "short edit window the recipient keeps their copy.",
    ("linkedin", _A): "Review it in LinkedIn: Me → Settings & Privacy → Account preferences "
    "and Visibility.",
    # Mastodon
    ("mastodon", _P): "Delete the post on your Mastodon server: open it, ⋯ → Delete; the "
    "deletion is sent to other servers, which may keep copies.",
    ("mastodon", _F): "Delete the followers-only post (⋯ → Delete); your followers' servers "
    "received a copy.",
    ("mastodon", _D): "It is already deleted; servers it federated to may still hold a copy.",
    ("mastodon", _M): "Delete the direct mention (⋯ → Delete); Mastodon direct messages are not "
    "end-to-end encrypted and the recipients' servers keep copies.",
    ("mastodon", _A): "Review it on your Mastodon server: Preferences → Account and Profile.",
    # Bluesky
    ("bluesky", _P): "Delete the post on Bluesky: open it, ⋯ → Delete post; Bluesky posts are "
    "public and copied by relays and feeds.",
    ("bluesky", _F): "Delete the post on Bluesky (⋯ → Delete post): Bluesky has no "
    "followers-only posts, so anyone could read it.",
    ("bluesky", _D): "It is already deleted; third parties archiving Bluesky's public data "
    "stream may keep it.",
    ("bluesky", _M): "In Bluesky chat, press and hold the message → Delete for me (the other "
    "person keeps it).",
    ("bluesky", _A): "Review it in Bluesky: Settings → Account.",
    # Telegram
    ("telegram", _P): "Delete it from the public channel or group: press and hold (or "
    "right-click) the message → Delete → for everyone.",
    ("telegram", _F): "Delete the message in the group: press and hold → Delete → also delete "
    "for everyone.",
    ("telegram", _D): "It is already deleted on Telegram.",
    ("telegram", _M): 'In the Telegram chat, press and hold the message → Delete → tick "Also '
    'delete for …".',
    ("telegram", _A): "Review it in Telegram: Settings → Privacy and Security.",
    # WhatsApp
    ("whatsapp", _P): "Delete the Status update or Channel post: open it → ⋮ → Delete.",
    ("whatsapp", _F): "Delete it from the group or your Status: press and hold → Delete → "
    "Delete for everyone (possible for about two days after sending).",
    ("whatsapp", _D): "It is already deleted on WhatsApp.",
    ("whatsapp", _M): "Press and hold the message → Delete → Delete for everyone (about two days "
    "after sending at most); otherwise the recipient keeps it.",
    ("whatsapp", _A): "Review it in WhatsApp: Settings → Privacy and Settings → Account.",
    # Reddit
    ("reddit", _P): "Delete it on Reddit: open the post or comment → ⋯ → Edit to blank it "
    "first, then ⋯ → Delete (third-party archives keep what they saw).",
    ("reddit", _F): "Delete the post or comment in the private community (⋯ → Delete); its "
    "members have seen it.",
    ("reddit", _D): "It is already deleted; Reddit archives and search caches may still show it.",
    ("reddit", _M): "Delete the chat message (hover → ⋯ → Delete); a private message stays in "
    "the recipient's inbox.",
    ("reddit", _A): "Review it in Reddit: Settings → Account and Privacy.",
    # Discord
    ("discord", _P): "Delete the message in the server: hover it → ⋯ → Delete Message.",
    ("discord", _F): "Delete the message in the server: hover it → ⋯ → Delete Message; "
    "members may have copied it.",
    ("discord", _D): "It is already deleted on Discord.",
    ("discord", _M): "Delete the direct message: hover it → ⋯ → Delete Message (it goes for "
    "both sides).",
    ("discord", _A): "Review it in Discord: User Settings → My Account and Data & Privacy.",
    # Snapchat
    ("snapchat", _P): "Delete it from your Public Story or Spotlight: Profile → the Snap → ⋯ → "
    "Delete.",
    ("snapchat", _F): "Delete the Story or saved Snap: Profile → My Story → the Snap → Delete.",
    ("snapchat", _D): "It is already deleted on Snapchat.",
    ("snapchat", _M): "In Chat, press and hold the message → Delete (removed for everyone, but "
    "it may have been saved or screenshotted).",
    ("snapchat", _A): "Review it in Snapchat: Settings → Privacy Controls and Settings → My Data.",
    # TikTok
    ("tiktok", _P): "Delete the video or comment on TikTok: open it → ⋯ → Delete, or ⋯ → "
    "Privacy settings → Only you.",
    ("tiktok", _F): "Delete it or set who can watch to Only you (⋯ → Privacy settings).",
    ("tiktok", _D): "It is already deleted on TikTok.",
    ("tiktok", _M): "In TikTok messages, press and hold the message → Delete (only your copy "
    "goes).",
    ("tiktok", _A): "Review it in TikTok: Profile → ☰ → Settings and privacy → Account.",
    # Files privaudit could not attribute to a platform feature
    ("generic", _P): "This file of your export is not a known platform feature: find the item "
    "on the platform (search for its text) and delete it.",
    ("generic", _F): "This file of your export is not a known platform feature: find the item "
    "on the platform and delete it or narrow its audience.",
    ("generic", _D): "It is already deleted on the platform.",
    ("generic", _M): "This file of your export is not a known platform feature: find the "
    "message on the platform and delete it.",
    ("generic", _A): "This file of your export is not a known platform feature: review the "
    "platform's account and privacy settings for it, or ask the platform to delete it.",
}
PROFILE_EDIT: dict[str, str] = {
    "x": "In X: your profile → Edit profile → remove or change the field (name, bio, location, "
    "birth date).",
    "facebook": "In Facebook: your profile → About → each field → audience Only me, or remove it.",
    "instagram": "In Instagram: your profile → Edit profile → remove or change the field.",
    "google": "In Google: myaccount.google.com → Personal info → each field → choose who can "
    "see it, or remove it.",
    "linkedin": "In LinkedIn: Me → View profile → the pencil icon / Contact info → remove or "
    "change the field.",
    "mastodon": "On your Mastodon server: Preferences → Public profile → edit the display name, "
    "bio and profile fields.",
    "bluesky": "In Bluesky: your profile → Edit profile → change the display name or description.",
    "telegram": "In Telegram: Settings → Edit profile (name, bio); Privacy and Security controls "
    "who sees them.",
    "whatsapp": "In WhatsApp: Settings → your profile (name, About); Settings → Privacy → "
    "limit who sees them.",
    "reddit": "In Reddit: Settings → Profile → change the display name and About.",
    "discord": "In Discord: User Settings → Profiles → change the display name and About me.",
    "snapchat": "In Snapchat: your profile → ⚙ → Name / Birthday → change or hide it.",
    "tiktok": "In TikTok: Profile → Edit profile → change the name or bio.",
    "generic": "Find the field in the platform's profile settings and remove or hide it.",
}
"""How to change a profile field, per platform (names, bios, home towns, birthdays)."""
LIBRARY_EDIT: dict[str, str] = {
    "google": "In Google Photos open each photo → ⓘ → the location → Remove location (or "
    "delete the photo); in My Activity delete the listed entries.",
    "facebook": "Open each photo in Facebook → ⋯ → Edit → remove the location, or delete it.",
    "instagram": "Open each item in Instagram → ⋯ → Edit → remove the location, or delete it.",
    "snapchat": "In Snapchat Memories, open each Snap → ⋯ → Delete Snap.",
}
"""How to clean media the platform stores privately (photo libraries, Memories)."""
REMOVE_FALLBACK: dict[Exposure, str] = {
    Exposure.PUBLIC: "Delete or edit the public item where it was posted.",
    Exposure.FOLLOWERS: "Delete or edit the item; followers can still copy what they see.",
    Exposure.DELETED: "It is already deleted on the platform.",
    Exposure.PRIVATE: "Delete the message; the recipient keeps their copy.",
    Exposure.ACCOUNT: "Review this data in the platform's account settings.",
}

_STRIP = (
    "Strip location data from photos before sharing (`privaudit strip` writes clean copies; "
    "most phones can also share without location)."
)

PROTECT: dict[tuple[Category, str | None], list[str]] = {
    # --- phone ---------------------------------------------------------------------------
    (Category.PHONE, None): [
        "If this number receives sign-in codes (SMS two-factor, bank, e-mail recovery), switch "
        "those accounts to an authenticator app or security key: a public number invites "
        "SIM-swap attacks.",
        "Ask your carrier for a port-out PIN, and expect spam and scam calls to this number; "
        "consider a second number for public use.",
    ],
    (Category.PHONE, "x"): [
        "In X: Settings → Privacy and safety → Discoverability and contacts → turn off "
        '"Let people who have your phone number find you on X".',
    ],
    (Category.PHONE, "facebook"): [
        "In Facebook: Settings & privacy → Settings → How people find and contact you → "
        '"Who can look you up using the phone number you provided?" → Only me.',
    ],
    (Category.PHONE, "instagram"): [
        "In Instagram: Accounts Center → Personal details → Contact info, and Settings → "
        "Account privacy; turn off contact syncing.",
    ],
    (Category.PHONE, "google"): [
        "In Google: myaccount.google.com → Personal info → Phone → choose who sees it; "
        "Security → 2-Step Verification → replace SMS with an authenticator or passkey.",
    ],
    (Category.PHONE, "linkedin"): [
        "In LinkedIn: Me → View profile → Contact info → edit → remove the phone number.",
    ],
    (Category.PHONE, "telegram"): [
        "In Telegram: Settings → Privacy and Security → Phone Number → Who can see my phone "
        "number: Nobody; Who can find me by my number: My Contacts.",
    ],
    (Category.PHONE, "whatsapp"): [
        "WhatsApp shows your number to everyone you message and every group member: "
        "Settings → Privacy → set profile photo, About and Last seen to My contacts.",
    ],
    (Category.PHONE, "snapchat"): [
        'In Snapchat: Settings → Mobile Number → turn off "Let others find me using my mobile '
        'number".',
    ],
    (Category.PHONE, "tiktok"): [
        "In TikTok: Settings and privacy → Privacy → Suggest your account to others → turn "
        "off Contacts.",
    ],
    # --- e-mail --------------------------------------------------------------------------
    (Category.EMAIL, None): [
        "Expect targeted phishing at this address; turn on two-factor authentication for it.",
        "Use a separate address for public contact and keep this one for accounts.",
    ],
    (Category.EMAIL, "x"): [
        "In X: Settings → Privacy and safety → Discoverability and contacts → turn off "
        '"Let people who have your email address find you on X".',
    ],
    (Category.EMAIL, "facebook"): [
        "In Facebook: Settings & privacy → Settings → How people find and contact you → "
        '"Who can look you up using the email address you provided?" → Only me.',
    ],
    (Category.EMAIL, "linkedin"): [
        "In LinkedIn: Settings & Privacy → Visibility → Who can see or download your email "
        "address → Only visible to me.",
    ],
    (Category.EMAIL, "google"): [
        "In Google: myaccount.google.com → Personal info → Email → choose who can see it.",
    ],
    # --- date of birth -------------------------------------------------------------------
    (Category.BIRTHDATE, None): [
        "Your full date of birth is a key to identity checks (banks, phone carriers, "
        "password resets): never post it with the year.",
        "If it was exposed widely, ask your bank and carrier to add a PIN or passphrase to "
        "your account.",
    ],
    (Category.BIRTHDATE, "x"): [
        'In X: Edit profile → Birth date → set the month/day and the year to "Only you".',
    ],
    (Category.BIRTHDATE, "facebook"): [
        "In Facebook: your profile → About → Contact and basic info → Birth date and Birth "
        "year → audience Only me.",
    ],
    (Category.BIRTHDATE, "instagram"): [
        "Instagram does not show your birthday on your profile: delete the posts that state it.",
    ],
    (Category.BIRTHDATE, "google"): [
        "In Google: myaccount.google.com → Personal info → Birthday → Only you.",
    ],
    (Category.BIRTHDATE, "linkedin"): [
        "In LinkedIn: Me → View profile → Contact info → Birthday → Only you.",
    ],
    # --- postal address ------------------------------------------------------------------
    (Category.ADDRESS, None): [
        "Remove your home address from public profiles and posts; for public contact use a "
        "PO box or work address.",
        "Ask people-search sites and data brokers to remove listings with this address.",
    ],
    (Category.ADDRESS, "facebook"): [
        "In Facebook: your profile → About → Contact and basic info → Address → Only me or "
        "remove it.",
    ],
    (Category.ADDRESS, "linkedin"): [
        "In LinkedIn: Me → View profile → Contact info → edit → remove the address.",
    ],
    (Category.ADDRESS, "google"): [
        "In Google Maps: You → Saved → Labeled → Home → remove or edit the label; "
        "myaccount.google.com → Personal info → Addresses.",
    ],
    # --- positions -----------------------------------------------------------------------
    (Category.LOCATION, None): [
        _STRIP,
        "Turn off camera location tagging, or at least for photos taken at home.",
    ],
    (Category.LOCATION, "x"): [
        'In X: Settings → Privacy and safety → Location information → turn off "Add location '
        'information to your posts" and use "Remove all location information".',
    ],
    (Category.LOCATION, "facebook"): [
        "In Facebook: Settings → Location → turn off Location History and delete it; remove "
        "check-ins in Activity log → Check-ins.",
    ],
    (Category.LOCATION, "instagram"): [
        "Remove a post's place: ⋯ → Edit → the location → Remove location; in your phone's "
        "settings set Instagram's location access to Never.",
    ],
    (Category.LOCATION, "google"): [
        "In Google Maps: Your Timeline → ⋮ → Settings → Delete all Timeline data, and turn off "
        "Timeline; in Google Photos: Settings → Sharing → Hide photo location data.",
    ],
    (Category.LOCATION, "snapchat"): [
        "In Snapchat: Snap Map → ⚙ → turn on Ghost Mode.",
    ],
    (Category.LOCATION, "tiktok"): [
        "In TikTok: Settings and privacy → Privacy → Location services → off.",
    ],
    (Category.LOCATION, "mastodon"): [
        "Most Mastodon servers strip photo metadata on upload, but the place you name in a "
        "post stays: edit it out.",
    ],
    # --- national IDs --------------------------------------------------------------------
    (Category.GOVERNMENT_ID, None): [
        "Treat the number as compromised: place a fraud alert or credit freeze with the "
        "credit bureaus, and ask the issuing authority about identity-theft protection.",
        "Never post photos of ID documents, even partly covered.",
    ],
    # --- money ---------------------------------------------------------------------------
    (Category.FINANCIAL, None): [
        "Call your bank or card issuer: replace the card or watch the account, and turn on "
        "transaction alerts.",
    ],
    # --- credentials ---------------------------------------------------------------------
    (Category.CREDENTIAL, None): [
        "Turn on two-factor authentication (an authenticator app or a security key) wherever "
        "this secret was used.",
    ],
    # --- positions over time -------------------------------------------------------------
    (Category.ABSENCE, None): [
        "Post trip photos after you are back, not while your home is empty.",
        "Share travel plans with a close-friends list rather than publicly.",
    ],
    (Category.ABSENCE, "instagram"): [
        "In Instagram: share trip stories with Close Friends (Settings → Close Friends).",
    ],
    (Category.ABSENCE, "facebook"): [
        "In Facebook: post travel to a Close Friends or custom audience, not Public.",
    ],
    # --- sensitive topics ----------------------------------------------------------------
    (Category.SENSITIVE, None): [
        "Decide whether this needs to stay visible: health, legal, sexual and money details "
        "can be used against you by employers, insurers or harassers.",
    ],
    (Category.SENSITIVE, "reddit"): [
        "In Reddit: consider a separate account for sensitive topics; Settings → Profile → "
        "Content and activity → hide it from your profile.",
    ],
    # --- workplace -----------------------------------------------------------------------
    (Category.WORKPLACE, None): [
        "Read your employer's social-media policy; remove hostile or confidential posts "
        "before they are screenshotted.",
    ],
    (Category.WORKPLACE, "linkedin"): [
        "In LinkedIn: Settings & Privacy → Visibility → Share profile updates with your "
        "network → off while you clean up.",
    ],
    # --- children ------------------------------------------------------------------------
    (Category.CHILDREN, None): [
        "Keep children's names apart from their school, age, birthday or location; share "
        "family posts with a close-friends list.",
    ],
    (Category.CHILDREN, "instagram"): [
        "In Instagram: Settings → Close Friends, and share family stories with them only.",
    ],
    (Category.CHILDREN, "facebook"): [
        "In Facebook: use a Close Friends or custom audience for family posts.",
    ],
    # --- devices -------------------------------------------------------------------------
    (Category.DEVICE, None): [
        "Strip metadata (serial numbers, owner names) from photos before sharing: "
        "`privaudit strip` writes clean copies.",
        "Rename devices to something that does not name you (phone Settings → About → Name).",
    ],
    # --- what only the whole archive reveals ---------------------------------------------
    (Category.INFERENCE, None): [
        "Each piece is harmless alone: remove enough of the listed pieces that the "
        "combination no longer works.",
    ],
}

KEY_ROTATION: dict[str, str] = {
    "GitHub personal access token": "GitHub: Settings → Developer settings → Personal access "
    "tokens → revoke it (https://github.com/settings/tokens), then check Settings → Security "
    "log for use.",
    "GitHub token": "GitHub: Settings → Developer settings → tokens / Applications → revoke it "
    "(https://github.com/settings/tokens).",
    "GitLab token": "GitLab: Preferences → Access tokens → Revoke (or the project's / group's "
    "Settings → Access tokens).",
    "AWS access key ID": "AWS: IAM console → Users → your user → Security credentials → Access "
    "keys → Deactivate, create a new key, then Delete the old one; check CloudTrail for use.",
    "AWS secret access key": "AWS: IAM console → Users → your user → Security credentials → "
    "Access keys → Deactivate and delete the key pair; check CloudTrail for use.",
    "Slack token": "Slack: api.slack.com/apps → the app → OAuth & Permissions → Revoke tokens "
    "(or reinstall the app).",
    "Slack webhook": "Slack: api.slack.com/apps → the app → Incoming Webhooks → remove the "
    "webhook URL and add a new one.",
    "Stripe live secret key": "Stripe Dashboard → Developers → API keys → ⋯ → Roll key; review "
    "recent API requests.",
    "Stripe test key": "Stripe Dashboard → Developers → API keys (test mode) → Roll key.",
    "Stripe webhook secret": "Stripe Dashboard → Developers → Webhooks → the endpoint → Roll "
    "secret.",
    "Google API key": "Google Cloud console → APIs & Services → Credentials → the key → "
    "Regenerate key (or delete it) and restrict the new one.",
    "Google OAuth client secret": "Google Cloud console → APIs & Services → Credentials → the "
    "OAuth client → Reset secret.",
    "Anthropic API key": "Anthropic Console → API keys → delete the key and create a new one.",
    "OpenAI API key": "OpenAI platform → API keys → revoke the key and create a new one.",
    "Twilio API key": "Twilio Console → Account → API keys & tokens → delete the key.",
    "SendGrid API key": "SendGrid → Settings → API Keys → delete the key.",
    "npm access token": "npmjs.com → your avatar → Access Tokens → delete the token.",
    "PyPI upload token": "pypi.org → Account settings → API tokens → Remove.",
    "Discord bot token": "Discord Developer Portal → the application → Bot → Reset Token.",
    "Telegram bot token": "Telegram: message @BotFather → /revoke → choose the bot.",
    "Mailgun API key": "Mailgun → API Security → rotate or delete the key.",
    "Heroku API key": "Heroku: Account settings → API Key → Regenerate (or revoke the "
    "authorization).",
    "DigitalOcean token": "DigitalOcean control panel → API → Tokens → delete the token.",
    "Shopify access token": "Shopify admin → Settings → Apps → Develop apps → the app → API "
    "credentials → rotate, or uninstall the app.",
    "Square access token": "Square Developer Dashboard → the application → Credentials → Replace.",
    "Hugging Face token": "huggingface.co → Settings → Access Tokens → Invalidate and refresh.",
    "Mailchimp API key": "Mailchimp → Profile → Extras → API keys → disable the key.",
    "Groq API key": "Groq console → API Keys → delete the key.",
    "Databricks token": "Databricks workspace → User Settings → Developer → Access tokens → "
    "revoke.",
    "Linear API key": "Linear → Settings → Security & access → Personal API keys → revoke.",
    "Notion token": "Notion → Settings → Connections → Develop or manage integrations → the "
    "integration → refresh the secret.",
    "Postman API key": "Postman → Settings → API keys → delete the key.",
}
KEY_ROTATION_FALLBACK = (
    "Revoke this key in the service that issued it and create a new one; check the service's "
    "logs for use you did not make."
)

RULE_ADVICE: dict[str, list[str]] = {
    "photo-gps": [
        "Replace the photo with a copy without GPS (`privaudit strip PHOTO` writes one; the "
        "original stays untouched), then delete the geotagged upload.",
    ],
    "post-geotag": [
        "Remove the place from the post (edit → remove location) or delete it, and stop "
        "tagging posts at home, work or school.",
    ],
    "location-trail": [
        "Strip the track before sharing (`privaudit strip`), or share it without the first "
        "and last kilometre (privacy zones).",
    ],
    "location-history": [
        "Delete the location history on the platform and turn it off; it records where you "
        "sleep and work.",
    ],
    "password": [
        "Change this password now, everywhere you used it; use a password manager so each "
        "account gets its own.",
    ],
    "pin-code": [
        "Change the PIN (a card PIN in your banking app or at an ATM; a phone or SIM PIN in "
        "the phone's security settings).",
    ],
    "security-answer": [
        "Change the answer to this security question on every service that asks it; use a "
        "random answer stored in your password manager.",
    ],
    "one-time-code": [
        "One-time codes expire quickly; if anyone asked you for it, change the password and "
        "sign out other sessions.",
    ],
    "private-key": [
        "Treat the key as compromised: create a new key pair, replace the public key where "
        "it is installed (servers' authorized_keys, GitHub/GitLab SSH keys, certificates) and "
        "revoke the old one.",
    ],
    "jwt": [
        "Sign out of the service that issued the token (revoke sessions) to invalidate it; "
        "change the password if the token is long-lived.",
    ],
    "crypto-seed-phrase": [
        "Move the funds to a new wallet with a new recovery phrase now: anyone with these "
        "words controls the wallet.",
    ],
    "crypto-private-key": [
        "Move the funds to a new wallet now: anyone with this key controls the address.",
    ],
    "payment-card": [
        "Call your card issuer: cancel and replace the card, and review recent transactions.",
    ],
    "iban": [
        "Watch for direct debits you did not set up; ask your bank about fraud alerts.",
    ],
    "bank-account": [
        "Watch the account for debits you did not set up; ask your bank about fraud alerts.",
    ],
    "national-id-number": [
        "Place a fraud alert or credit freeze with the credit bureaus now.",
    ],
    "passport-number": [
        "If a photo of the passport or ID card was shared, report it to the issuing office "
        "and ask whether it should be replaced.",
    ],
    "drivers-licence-number": [
        "Ask the licensing authority whether the licence can be replaced; watch for fines or "
        "rentals in your name.",
    ],
    "home-address": [
        "Remove the address from the item; post about home without street names or house numbers.",
    ],
    "street-address": [
        "Remove the address from the item unless it is a business's; if it is a friend's "
        "home, they did not choose to publish it.",
    ],
    "away-from-home": [
        "Delete or narrow the audience of posts that announce when your home is empty.",
    ],
    "device-serial": [
        "Strip metadata before sharing (`privaudit strip`): a camera serial links every photo "
        "you ever shared to the same camera.",
    ],
    "device-owner-name": [
        "Clear the owner/artist name in the camera's settings and strip metadata before "
        "sharing (`privaudit strip`).",
    ],
    "device-name": [
        "Rename the device (phone Settings → About → Name; computer sharing settings) to "
        "something that does not name you.",
    ],
    "inferred-home": [
        "Remove the location from the items listed (edit → remove location, or replace "
        "photos with copies made by `privaudit strip`), starting with the public ones.",
        "Stop geotagging posts and photos at home; turn off camera location for the camera "
        "app, or use your phone's 'remove location' option when sharing.",
    ],
    "inferred-work": [
        "Remove the location from the items listed, starting with the public ones; a "
        "workplace plus working hours tells a stranger where to find you every weekday.",
    ],
    "reconstructed-birthdate": [
        "Hide your birthday from friends (Facebook: About → Contact and basic info → Birth "
        "date → Only me) so fewer public wishes arrive on the day.",
        "Delete or narrow posts that state your age, and review posts others make on your "
        "profile (Facebook: Settings → Profile and tagging → review posts before they appear).",
    ],
    "predictable-routine": [
        "Stop posting live from the same place at the same time: post after you have left, "
        "and remove the place from the items listed.",
    ],
    "identity-theft-kit": [
        "Break the kit: hide the birth year, and remove the phone number or address from "
        "public profiles and posts first — those are the quickest parts to take back.",
        "Place a credit freeze (or fraud alert) and add a PIN or passphrase with your bank "
        "and mobile carrier.",
    ],
}

RESIDUAL: dict[Exposure, str] = {
    Exposure.PUBLIC: "Deleting does not reach copies: search engines, web archives, quote posts "
    "and screenshots may keep it — public posts are indexed within minutes.",
    Exposure.FOLLOWERS: "Followers may already have copied or screenshotted it.",
    Exposure.DELETED: "Copies made while it was public (caches, archives, screenshots) may "
    "still exist.",
    Exposure.PRIVATE: "Private messages are one screenshot away from public.",
    Exposure.ACCOUNT: "The platform keeps this data while the account exists.",
}
RESIDUAL_PLATFORM: dict[tuple[str, Exposure], str] = {
    ("mastodon", _P): "Other servers received a copy when it federated; most honour the "
    "deletion, some keep it — and public posts are indexed within minutes.",
    ("mastodon", _M): "Mastodon direct messages are stored unencrypted on every recipient's "
    "server.",
    ("bluesky", _P): "Bluesky's public data stream is copied by relays, feeds and archives the "
    "moment you post; deletion reaches only the ones that honour it.",
    ("reddit", _P): "Reddit posts are scraped and archived within minutes; editing to blank "
    "before deleting helps only against later copies.",
    ("telegram", _P): "Public channel posts are forwarded and indexed by channel search sites.",
    ("whatsapp", _M): "The recipient's phone and backups keep what was delivered unless you "
    "deleted it for everyone.",
}

WHY: dict[Category, str] = {
    Category.PHONE: "A phone number lets strangers call, text and SIM-swap you, and links your "
    "accounts across sites.",
    Category.EMAIL: "An address you sign in with is the first half of every account takeover "
    "and a target for phishing.",
    Category.BIRTHDATE: "Your date of birth is one of the three facts banks and carriers use "
    "to decide that someone is you.",
    Category.ADDRESS: "A home address tells anyone where to find you and your family.",
    Category.LOCATION: "An exact position is an address: it shows where you live, work and "
    "spend your time.",
    Category.GOVERNMENT_ID: "A national ID number opens credit, benefits and tax accounts in "
    "your name.",
    Category.FINANCIAL: "Account and card details let others take money or open payments in "
    "your name.",
    Category.CREDENTIAL: "A leaked secret gives access to an account or system until it is "
    "changed.",
    Category.DEVICE: "Device serials and names link photos and posts back to you and your camera.",
    Category.ABSENCE: "Announcing that you are away tells burglars when your home is empty.",
    Category.SENSITIVE: "Health, legal, sexual and money details can cost jobs, insurance and "
    "safety.",
    Category.WORKPLACE: "Hostile or confidential posts about work can cost you your job.",
    Category.CHILDREN: "A child's name with school, age or place lets strangers approach them "
    "by name.",
    Category.INFERENCE: "Pieces that are harmless alone combine into something a stranger can use.",
}
WHY_RULE: dict[str, str] = {
    "street-address": "A full street address leads a stranger to a door — yours, or that of "
    "a friend or relative who never chose to publish it.",
    "inferred-home": "Where you sleep is the one place someone who means you harm needs to know.",
    "inferred-work": "A workplace plus working hours tells anyone where you are every weekday.",
    "reconstructed-birthdate": "Wishes on one day plus one age statement rebuild your full "
    "date of birth, a key to identity checks.",
    "predictable-routine": "A place you are at the same time every week is where a stalker "
    "would wait.",
    "identity-theft-kit": "Name, date of birth, address and a contact together are what an "
    "impostor needs to pass identity checks in your name.",
}


@dataclass(frozen=True, slots=True)
class StepType:
    """One kind of action-plan step, with its effort as data."""

    title: str
    """Format with ``{count}``, ``{items}`` and ``{platform}``."""
    minutes_fixed: float
    """Once per step (open the app, find the setting)."""
    minutes_per_item: float
    """Per item the step covers."""
    why: str
    mitigates: float = 0.0
    """For protective steps: the share of each touched finding's score the step removes."""


STEP_TYPES: dict[str, StepType] = {
    # removal of items, by what kind of item and audience
    "delete-public": StepType(
        "Delete {count} public {items} on {platform}", 1.0, 1.0,
        "Public items are indexed within minutes; each one you remove stops new copies.",
    ),
    "delete-followers": StepType(
        "Delete or restrict {count} followers-only {items} on {platform}", 1.0, 1.0,
        "Followers can copy what they see; fewer items, fewer copies.",
    ),
    "delete-private": StepType(
        "Delete {count} private {items} on {platform}", 1.0, 1.0,
        "Messages are one screenshot away from public.",
    ),
    "edit-profile": StepType(
        "Edit {count} profile {items} on {platform}", 2.0, 1.0,
        "Profile fields are the first thing anyone looking you up sees.",
    ),
    "review-account": StepType(
        "Review {count} account {items} on {platform}", 3.0, 0.5,
        "Data only the platform holds can still leak in a breach or be shown in its apps.",
    ),
    "clean-library": StepType(
        "Remove the location from {count} {items} stored on {platform}", 3.0, 1.0,
        "Your private library leaks when the account is breached or an album is shared.",
    ),
    "delete-location-history": StepType(
        "Delete the location history on {platform} ({count} {items})", 5.0, 0.0,
        "A location history is a diary of where you sleep and work.",
    ),
    # protecting the value itself
    "rotate-key": StepType(
        "Revoke and replace {count} leaked {items}", 5.0, 5.0,
        "A revoked key is worthless to whoever copied it.",
        mitigates=0.9,
    ),
    "change-password": StepType(
        "Change {count} leaked {items}", 5.0, 5.0,
        "A changed password or answer is worthless to whoever copied it.",
        mitigates=0.9,
    ),
    "move-wallet": StepType(
        "Move funds out of {count} exposed crypto {items}", 15.0, 10.0,
        "Whoever has the recovery phrase or key can empty the wallet at any time.",
        mitigates=0.95,
    ),
    "replace-card": StepType(
        "Replace {count} exposed payment {items}", 10.0, 5.0,
        "A cancelled card number cannot be charged.",
        mitigates=0.9,
    ),
    "bank-alerts": StepType(
        "Turn on bank alerts for {count} exposed {items}", 10.0, 2.0,
        "Alerts catch fraudulent debits early.",
        mitigates=0.3,
    ),
    "retire-phone-2fa": StepType(
        "Move sign-in codes off {count} exposed phone {items}", 15.0, 5.0,
        "A public number that receives SMS codes invites SIM-swap account takeovers.",
        mitigates=0.4,
    ),
    "secure-email": StepType(
        "Turn on two-factor sign-in for {count} exposed e-mail {items}", 5.0, 3.0,
        "Two-factor sign-in stops phishing of the address's password from being enough.",
        mitigates=0.3,
    ),
    "credit-freeze": StepType(
        "Place a credit freeze or fraud alert", 30.0, 0.0,
        "A freeze stops new credit in your name even when your details are known.",
        mitigates=0.5,
    ),
    "account-pins": StepType(
        "Add a PIN or passphrase with your bank and mobile carrier", 15.0, 0.0,
        "An extra secret defeats identity checks that use your date of birth.",
        mitigates=0.3,
    ),
    "strip-photos": StepType(
        "Strip GPS from photos before you share them again (`privaudit strip`)", 5.0, 0.0,
        "Photos carry your position inside the file; stripped copies do not.",
        mitigates=0.1,
    ),
}  # fmt: skip
"""Step types of the action plan; minutes are rough estimates for a person doing it once."""

ITEM_NOUN: dict[str, tuple[str, str]] = {
    "post": ("post", "posts"),
    "reply": ("reply", "replies"),
    "comment": ("comment", "comments"),
    "message": ("message", "messages"),
    "media": ("photo or video", "photos and videos"),
    "profile": ("field", "fields"),
    "account": ("entry", "entries"),
    "location": ("position", "positions"),
    "other": ("item", "items"),
    "key": ("key", "keys"),
    "secret": ("secret", "secrets"),
    "wallet": ("wallet", "wallets"),
    "card": ("card", "cards"),
    "bank account": ("bank account", "bank accounts"),
    "number": ("number", "numbers"),
    "address": ("address", "addresses"),
}
"""Singular and plural nouns for step titles."""

RESIDUAL_WEIGHT: dict[Exposure, float] = {
    Exposure.PUBLIC: 0.7,
    Exposure.FOLLOWERS: 0.5,
    Exposure.PRIVATE: 0.25,
    Exposure.ACCOUNT: 0.1,
    Exposure.DELETED: 0.7,
}
"""Exposure weight an item keeps after you delete it: a public post becomes
"deleted (once public)" (copies may exist); a message stays with its recipient."""


def platform_name(platform: str) -> str:
    """Display name of a platform id ("x" → "X")."""
    return PLATFORMS.get(platform, platform.capitalize())


def removal(platform: str, exposure: Exposure) -> str:
    """How to take an item down on ``platform``."""
    return REMOVE.get((platform, exposure), REMOVE_FALLBACK[exposure])


def residual(platform: str, exposure: Exposure) -> str:
    """What deleting cannot undo."""
    return RESIDUAL_PLATFORM.get((platform, exposure), RESIDUAL[exposure])


def why_it_matters(category: Category, rule: str = "") -> str:
    """One sentence: why this finding matters."""
    return WHY_RULE.get(rule) or WHY[category]


def key_rotation(detail: str) -> str:
    """Where to revoke an API key, by the key type the detector named in ``detail``."""
    for name in sorted(KEY_ROTATION, key=len, reverse=True):
        if detail.startswith(name) or detail == name:
            return KEY_ROTATION[name]
    return KEY_ROTATION_FALLBACK


def link(occurrence: Occurrence) -> str:
    """A link to the item, or ``member#pointer`` when the platform has no link for it."""
    if occurrence.url:
        return occurrence.url
    return f"{occurrence.path}#{occurrence.pointer}" if occurrence.pointer else occurrence.path


def rule_steps(rule: str, detail: str) -> list[str]:
    """Steps only this rule needs."""
    if rule == "api-key":
        return [f"Rotate the key: {key_rotation(detail)}"]
    return list(RULE_ADVICE.get(rule, []))


def advice_for(category: Category, platform: str, exposure: Exposure) -> list[str]:
    """Concrete steps for one finding: remove the item, protect the value, know what remains."""
    steps = [removal(platform, exposure)]
    steps += PROTECT.get((category, platform), [])
    steps += PROTECT.get((category, None), [])
    steps.append(residual(platform, exposure))
    return steps


def advice_for_finding(finding: Finding) -> list[str]:
    """Every step for one finding: remove (with its link), rule steps, protect, residual, why."""
    remove = removal(finding.platform, finding.exposure)
    mine = [o for o in finding.occurrences if o.author_is_self]
    if finding.exposure is not Exposure.DELETED and mine:
        links = list(dict.fromkeys(o.url for o in mine if o.url))
        if len(links) == 1:
            remove += f" Link: {links[0]}"
        elif links:
            remove += f" ({len(links)} items; every link is in the action plan.)"
    steps = [remove]
    steps += rule_steps(finding.rule, finding.detail)
    steps += PROTECT.get((finding.category, finding.platform), [])
    steps += PROTECT.get((finding.category, None), [])
    steps.append(residual(finding.platform, finding.exposure))
    steps.append(f"Why it matters: {why_it_matters(finding.category, finding.rule)}")
    return list(dict.fromkeys(steps))


def is_specific(finding: Finding) -> bool:
    """True when the finding's advice comes from the catalog's own entries, not fallbacks."""
    return (finding.platform, finding.exposure) in REMOVE and (
        (finding.category, None) in PROTECT or finding.rule in RULE_ADVICE
    )
