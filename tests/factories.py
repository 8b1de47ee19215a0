"""Test data builders (factory-boy)."""

from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth import get_user_model

from briefings.models import Briefing, GlossaryTerm, Paragraph
from cohorts.models import Assignment, Cohort, Enrolment
from organisations.models import Membership, Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"trainee{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    username = factory.Sequence(lambda n: f"instructor{n}")
    is_staff = True
    is_superuser = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class BriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Briefing

    title = factory.Sequence(lambda n: f"Briefing number {n}")
    slug = factory.Sequence(lambda n: f"briefing-number-{n}")
    standfirst = "A short summary of the article."
    byline = "By A Correspondent"
    publisher = "Example Publisher"


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    briefing = factory.SubFactory(BriefingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Faker("paragraph")
    text_format = Paragraph.Format.PLAIN


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    briefing = factory.SubFactory(BriefingFactory)
    term = factory.Sequence(lambda n: f"TRM{n}")
    expansion = "Term Expansion"
    source = GlossaryTerm.Source.INSTRUCTOR


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.TRAINEE


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    start_date = factory.LazyFunction(date.today)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)


def enrol_in_briefing(user, briefing, *, cohort=None, role=Membership.Role.TRAINEE):
    """Give ``user`` access to ``briefing`` the way an organisation does: an
    enrolment in a cohort that has the briefing's default quiz assigned."""
    quiz = briefing.quizzes.get(is_default=True)
    cohort = cohort or CohortFactory()
    Membership.objects.get_or_create(
        organisation=cohort.organisation, user=user, defaults={"role": role}
    )
    Enrolment.objects.get_or_create(cohort=cohort, user=user)
    Assignment.objects.get_or_create(cohort=cohort, quiz=quiz)
    return cohort
