"""What the import makes of a file's signature: the rule, pure, for the import's plan.

Signatures (issue 9). The plan judges each exported file's signature against the key
pinned for its agency (``Holdings.pinned_key``, services/keys.judge_key):

- FIRST (signed, nothing pinned): the normal rules; accepted, its key is pinned at apply
  and the plan says so (note ``import.key_pinned`` with the fingerprint);
- SAME: the normal rules;
- OTHER (signed by another key): refused (``import.key_other``, both fingerprints)
  unless accept_new_key; then accepted whatever version is stored, the pin replaced;
- BAD (the content hash matches but the signature does not: metadata forged and the
  hash recomputed, a truncated signature, a signature over other metadata): refused
  always, accept_edited or not — the file is a forgery, not an edit;
- a file whose content hash does not match (edited after export, its signature no longer
  vouches for anything) is refused unless accept_edited; then taken like a template, as
  UNSIGNED.

UNSIGNED files (templates, edited files, files of the earlier format) are stored marked
unsigned. Over a signed agency (a key pinned, or a signed submission in force) an
unsigned file is refused (``import.unsigned_over_signed``) unless accept_new_key.
An agency whose data came before signatures keeps it until its first signed file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.exchange.reading import ReadFile, SubmissionFile, TemplateFile
from desktop_app.core.exchange.signing import UNSIGNED, SignatureCheck, verify_submission
from desktop_app.core.problems import Problem
from desktop_app.core.services.keys import KeyVerdict, judge_key, key_problem


def signature_of(read: ReadFile) -> SignatureCheck:
    """The file's signature as the plan takes it: an exported file's, when its content
    hash matches; UNSIGNED for a template or a file edited after export (whatever
    signature it carries no longer vouches for its data)."""
    if isinstance(read, SubmissionFile) and read.hash_ok:
        return verify_submission(read.meta)
    return UNSIGNED


@dataclass(frozen=True)
class KeyJudgement:
    """What the plan made of one file's signature against its agency's pin."""

    verdict: KeyVerdict
    check: SignatureCheck
    agency_code: str
    pinned_fingerprint: str  # "" when nothing is pinned
    deliberate: bool  # accepting it needs accept_new_key
    refusal: Problem | None  # why it is refused, whatever else holds

    @property
    def signed(self) -> bool:
        return self.verdict in (KeyVerdict.FIRST, KeyVerdict.SAME, KeyVerdict.OTHER)

    @property
    def pin(self) -> bytes:
        """The raw key an acceptance pins (first file) or puts in place (another key)."""
        return (self.check.public_key
                if self.verdict in (KeyVerdict.FIRST, KeyVerdict.OTHER) else b"")

    def facts(self) -> dict[str, Any]:
        """The FilePlan fields this judgement fills."""
        return {"signed": self.signed, "key_fingerprint": self.check.fingerprint,
                "pinned_fingerprint": self.pinned_fingerprint,
                "key_action": {KeyVerdict.FIRST: "pin", KeyVerdict.OTHER: "replace"}.get(
                    self.verdict, ""),
                "needs_new_key": self.refusal is not None and self.verdict is not KeyVerdict.BAD}

    def notes(self) -> tuple[Problem, ...]:
        """What an accepted file says besides: a key pinned, replaced, or passed over."""
        agency, found = self.agency_code, self.check.fingerprint
        if self.verdict is KeyVerdict.FIRST:
            return (Problem("import.key_pinned", {"agency": agency, "fingerprint": found}),)
        if self.verdict is KeyVerdict.OTHER:
            return (Problem("import.key_replaced", {"agency": agency, "fingerprint": found,
                                                    "previous": self.pinned_fingerprint}),)
        if self.deliberate:
            return (Problem("import.unsigned_accepted", {"agency": agency,
                                                         "pinned": self.pinned_fingerprint}),)
        return ()


def judge(read: SubmissionFile | TemplateFile, agency_code: str, pinned_key: str,
          pinned_fingerprint: str, signed_agency: bool, accept_new_key: bool
          ) -> KeyJudgement:
    """The judgement on a file of the agency agency_code.

    pinned_key: base64 of the agency's pinned key, "" when none; signed_agency: an
    unsigned file would replace signed data (a pin, or a signed version in force).
    """
    check = signature_of(read)
    verdict = judge_key(pinned_key or None, check)
    deliberate = verdict is KeyVerdict.OTHER or (verdict is KeyVerdict.UNSIGNED
                                                  and signed_agency)
    refusal = None
    if verdict is KeyVerdict.BAD or (deliberate and not accept_new_key):
        refusal = key_problem(verdict, file=read.path.name or str(read.path),
                              agency=agency_code, pinned=pinned_fingerprint, check=check)
    return KeyJudgement(verdict, check, agency_code, pinned_fingerprint, deliberate, refusal)
