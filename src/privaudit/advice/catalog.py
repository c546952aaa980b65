"""Remediation catalog: what to do about a finding, as data.

Advice is composed from three tables so each fact is written once:

* ``REMOVE`` — how to take the item down on its platform, by exposure (delete the post,
  delete the message, change the account setting);
* ``PROTECT`` — what to do about the value itself, by category (retire the number from
  SMS two-factor, hide the birth year, strip GPS from photos);
* ``RESIDUAL`` — what deletion cannot undo, by exposure.
"""

from __future__ import annotations

from privaudit.model import Category, Exposure

REMOVE: dict[tuple[str, Exposure], str] = {
    ("x", Exposure.PUBLIC): "Delete the post on X: open its link, choose ⋯ → Delete.",
    ("x", Exposure.FOLLOWERS): "Delete the post on X (open its link, ⋯ → Delete): followers "
    "can screenshot or quote protected posts.",
    ("x", Exposure.DELETED): "It is already deleted; X removes deleted posts from its systems "
    "within about 14 days — nothing more to do on X itself.",
    ("x", Exposure.PRIVATE): "Delete the message in X: Messages → the conversation → hover the "
    "message → ⋯ → Delete for you. The other person keeps their copy.",
    ("x", Exposure.ACCOUNT): "Review it in X: Settings → Your account → Account information.",
}
REMOVE_FALLBACK: dict[Exposure, str] = {
    Exposure.PUBLIC: "Delete or edit the public item where it was posted.",
    Exposure.FOLLOWERS: "Delete or edit the item; followers can still copy what they see.",
    Exposure.DELETED: "It is already deleted on the platform.",
    Exposure.PRIVATE: "Delete the message; the recipient keeps their copy.",
    Exposure.ACCOUNT: "Review this data in the platform's account settings.",
}

PROTECT: dict[tuple[Category, str | None], list[str]] = {
    (Category.PHONE, None): [
        "If this number receives sign-in codes (SMS two-factor, bank, e-mail recovery), switch "
        "those accounts to an authenticator app or security key: a public number invites "
        "SIM-swap attacks.",
        "Expect spam and scam calls to this number; consider a second number for public use.",
    ],
    (Category.PHONE, "x"): [
        "In X: Settings → Privacy and safety → Discoverability and contacts → turn off "
        '"Let people who have your phone number find you on X".',
    ],
    (Category.EMAIL, None): [
        "Expect targeted phishing at this address; turn on two-factor authentication for it.",
        "Use a separate address for public contact and keep this one for accounts.",
    ],
    (Category.EMAIL, "x"): [
        "In X: Settings → Privacy and safety → Discoverability and contacts → turn off "
        '"Let people who have your email address find you on X".',
    ],
    (Category.BIRTHDATE, None): [
        "Your full date of birth is a key to identity checks (banks, phone carriers, "
        "password resets): never post it with the year.",
        "If it was exposed widely, ask your bank and carrier to add a PIN or passphrase to "
        "your account.",
    ],
    (Category.BIRTHDATE, "x"): [
        'In X: Edit profile → Birth date → set the month/day and the year to "Only you".',
    ],
    (Category.LOCATION, None): [
        "Strip location data from photos before sharing (`privaudit strip` writes clean "
        "copies; most phones can also share without location).",
        "Turn off camera location tagging, or at least for photos taken at home.",
    ],
    (Category.LOCATION, "x"): [
        'In X: Settings → Privacy and safety → Location information → turn off "Add location '
        'information to your posts" and use "Remove all location information".',
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


def advice_for(category: Category, platform: str, exposure: Exposure) -> list[str]:
    """Concrete steps for one finding: remove the item, protect the value, know what remains."""
    steps = [REMOVE.get((platform, exposure), REMOVE_FALLBACK[exposure])]
    steps += PROTECT.get((category, platform), [])
    steps += PROTECT.get((category, None), [])
    steps.append(RESIDUAL[exposure])
    return steps
