"""What a person answers in the estimate form (at most 8 questions), as one immutable value.

Every field is optional: None means the question was skipped or answered "I don't know".
A skipped answer never stops the estimate. It is replaced by the assumption that errs
towards inclusion (the person is shown a right rather than missing it), and every right
that depended on it is shown as "possible" (to check) instead of "likely":

| field               | when None, computed as                          | rights then "possible"           |
|---------------------|-------------------------------------------------|----------------------------------|
| age_band / age      | 25-64 (35 years old): adult rules, no ASPA      | rsa, prime_activite, css, aspa   |
| couple              | alone                                           | rsa, prime_activite,             |
|                     |                                                 | aide_logement, css, aspa,        |
|                     |                                                 | complement_familial,             |
|                     |                                                 | cheque_energie, asf              |
| children            | no child (no family benefit is computed)        | rsa, prime_activite,             |
|                     |                                                 | aide_logement, css,              |
|                     |                                                 | cheque_energie                   |
| work_income         | 0 €                                             | every right but the ASF          |
| other_income(_kind) | 0 €                                             | every right but the ASF          |
| housing             | "not given" to OpenFisca: no housing forfait    | rsa, prime_activite,             |
|                     | is taken off the RSA; no housing aid computed   | cheque_energie; aide_logement is |
|                     |                                                 | listed with no amount            |
| rent (tenant)       | no housing aid computed                         | aide_logement, with no amount    |
| depcom              | Paris "75056" (zone 1: highest rent ceilings)   | aide_logement                    |
| residence           | French or EU citizen                            | rsa, prime_activite, aspa        |
| disability          | no disability: the AAH is computed only when    | -                                |
|                     | the answer is True                              |                                  |
| student             | not a student                                   | -                                |

The exact mapping is `bot.estimate.compute.NEEDS`; `Answers.skipped` names what was skipped.
Amounts are household amounts per month (net, as received), in euros.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

AGE_BANDS = ("18_24", "25_64", "65_plus")
CHILD_AGE_BANDS = ("0_2", "3_5", "6_10", "11_14", "15_17", "18_19")
OTHER_INCOME_KINDS = ("none", "unemployment", "pension")
HOUSING = ("tenant", "free", "homeless", "owner")
RESIDENCE = ("french_eu", "refugee", "permit_5y_plus", "permit_less_5y", "asylum_seeker", "no_papers")
DEFAULT_DEPCOM = "75056"  # Paris


def age_band_of(age: int) -> str:
    """The form's age band for an exact age (18 or more)."""
    if age < 25:
        return "18_24"
    if age < 65:
        return "25_64"
    return "65_plus"


@dataclass(frozen=True)
class Answers:
    """A person's answers; None everywhere means "skipped / I don't know"."""

    age_band: str | None = None
    age: int | None = None  # exact age when the person gave it; wins over age_band
    couple: bool | None = None
    children: tuple[str, ...] | None = None  # one age band per child; () = no child
    work_income: Decimal | None = None  # household net pay from work, per month
    other_income_kind: str | None = None
    other_income: Decimal | None = None  # per month, for other_income_kind
    housing: str | None = None
    rent: Decimal | None = None  # per month, for a tenant
    depcom: str | None = None  # INSEE commune code (not the postcode)
    residence: str | None = None
    disability: bool | None = None
    student: bool | None = None

    def __post_init__(self) -> None:
        _check_choice("age_band", self.age_band, AGE_BANDS)
        _check_choice("other_income_kind", self.other_income_kind, OTHER_INCOME_KINDS)
        _check_choice("housing", self.housing, HOUSING)
        _check_choice("residence", self.residence, RESIDENCE)
        if self.age is not None and not 18 <= self.age <= 120:
            raise ValueError(f"age: {self.age} is not an adult's age")
        if self.children is not None:
            children = tuple(self.children)
            for band in children:
                _check_choice("children", band, CHILD_AGE_BANDS)
            object.__setattr__(self, "children", children)
        for name in ("work_income", "other_income", "rent"):
            value = getattr(self, name)
            if value is None:
                continue
            value = Decimal(str(value))
            if value < 0:
                raise ValueError(f"{name}: {value} is negative")
            object.__setattr__(self, name, value)
        if self.depcom is not None and not (len(self.depcom) == 5 and self.depcom.isalnum()):
            raise ValueError(f"depcom: {self.depcom!r} is not an INSEE commune code")

    # What the estimate assumes for each answer (see the module docstring).

    @property
    def effective_age_band(self) -> str:
        if self.age is not None:
            return age_band_of(self.age)
        return self.age_band or "25_64"

    @property
    def work_income_or_zero(self) -> Decimal:
        return self.work_income or Decimal(0)

    @property
    def other_income_or_zero(self) -> Decimal:
        if self.other_income_kind in (None, "none"):
            return Decimal(0)
        return self.other_income or Decimal(0)

    @property
    def depcom_or_default(self) -> str:
        return self.depcom or DEFAULT_DEPCOM

    # Which answers were actually given.

    @property
    def skipped(self) -> frozenset[str]:
        """Names of the facts the person did not give (keys used by the estimate's statuses)."""
        missing = set()
        if self.age is None and self.age_band is None:
            missing.add("age")
        if self.couple is None:
            missing.add("couple")
        if self.children is None:
            missing.add("children")
        if self.work_income is None:
            missing.add("work_income")
        if self.other_income_kind is None or (self.other_income_kind != "none" and self.other_income is None):
            missing.add("other_income")
        if self.housing is None:
            missing.add("housing")
        if self.housing in (None, "tenant") and self.rent is None:
            missing.add("rent")
        if self.depcom is None:
            missing.add("depcom")
        if self.residence is None:
            missing.add("residence")
        if self.disability is None:
            missing.add("disability")
        if self.student is None:
            missing.add("student")
        return frozenset(missing)


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name}: {value!r} is not one of {', '.join(choices)}")
