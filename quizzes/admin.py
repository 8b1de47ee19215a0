from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_lazy, ngettext

from briefings.admin import BriefingAdmin
from briefings.models import Briefing
from organisations.admin import OrganisationScopedAdmin, scope_picker
from quizzes import interop, services
from quizzes.models import (
    Attempt,
    BriefingProgress,
    Question,
    Quiz,
    Response,
    TermMastery,
    TimeAccommodation,
)
from quizzes.text.selection import clash

# Shared quizzes may be assigned; shared questions belong to the platform.
scope_picker("quizzes.question", "briefing__organisation")
scope_picker("quizzes.quiz", "briefing__organisation", shared=True)


class LinesField(forms.CharField):
    """A list of strings edited as one item per line."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in str(text).splitlines() if line.strip()]


class QuestionForm(forms.ModelForm[Question]):
    options = LinesField(
        required=False,
        help_text=gettext_lazy(
            "One per line. Matching: the right-hand items. Ordering: the items in order."
        ),
    )
    prompts = LinesField(
        required=False, help_text=gettext_lazy("Matching only: the left-hand items, one per line.")
    )
    correct = LinesField(
        label=gettext_lazy("Correct answers"),
        help_text=gettext_lazy(
            "One per line. Fill in the blank: every accepted answer. Matching: the match for "
            "each item, in item order. Ordering: the items in the correct order."
        ),
    )
    terms = LinesField(
        required=False, help_text=gettext_lazy("Glossary terms it exercises, one per line.")
    )

    class Meta:
        model = Question
        fields = [
            "briefing",
            "kind",
            "status",
            "stem",
            "options",
            "prompts",
            "correct",
            "explanation",
            "paragraph",
            "start",
            "end",
            "difficulty",
            "terms",
        ]
        widgets = {"stem": forms.Textarea(attrs={"rows": 2, "cols": 80})}


class QuestionInline(admin.TabularInline[Question, Briefing]):
    """The bank at a glance: one row per question; answers are edited on its own page."""

    model = Question
    extra = 0
    fields = ["stem_text", "kind", "status", "paragraph_number"]
    readonly_fields = ["stem_text", "kind", "paragraph_number"]
    show_change_link = True
    classes = ["collapse"]
    verbose_name_plural = gettext_lazy(
        "questions (the bank; use Questions for filters and preview)"
    )

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A new question needs its answers: written on the Question page.
        return False

    @admin.display(description=gettext_lazy("Question"))
    def stem_text(self, obj: Question) -> str:
        return obj.stem

    @admin.display(description=gettext_lazy("Paragraph"))
    def paragraph_number(self, obj: Question) -> str:
        return f"¶{obj.paragraph.number}"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).select_related("paragraph")


class BriefingFilter(admin.SimpleListFilter):
    """Briefings in scope, named with their owner: a shared briefing and an
    organisation's copy of it have the same title."""

    title = "briefing"
    parameter_name = "briefing__id__exact"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        ids = model_admin.get_queryset(request).values("briefing_id")
        briefings = Briefing.objects.filter(pk__in=ids).select_related("organisation")
        return [
            (str(b.pk), f"{b.title} ({b.organisation.name if b.organisation else 'shared'})")
            for b in briefings.order_by("title", "organisation__name")
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(briefing_id=value) if value and value.isdigit() else queryset


@admin.register(Question)
class QuestionAdmin(OrganisationScopedAdmin[Question]):
    organisation_path = "briefing__organisation"
    include_shared = True
    form = QuestionForm
    list_display = [
        "stem_text",
        "kind",
        "status",
        "origin_short",
        "difficulty_shown",
        "source_link",
    ]
    list_filter = ["status", "kind", "origin", BriefingFilter]
    list_editable = ["status"]
    list_select_related = ["briefing__organisation", "paragraph"]
    list_per_page = 50
    search_fields = ["stem", "explanation", "briefing__title"]
    search_help_text = "Searches the question text, its source sentence and the briefing title."
    raw_id_fields = ["paragraph"]
    actions = ["approve", "reject", "regenerate"]
    readonly_fields = [
        "preview_link",
        "origin",
        "version",
        "generator_version",
        "cited_sentences",
        "clashes",
        "importance",
    ]
    fieldsets = [
        (None, {"fields": ["briefing", "kind", "status", "stem", "preview_link"]}),
        ("Answers", {"fields": ["options", "prompts", "correct"]}),
        (
            "Source",
            {
                "fields": [
                    "explanation",
                    "paragraph",
                    "start",
                    "end",
                    "cited_sentences",
                    "difficulty",
                    "importance",
                    "terms",
                ]
            },
        ),
        ("Shared facts", {"fields": ["clashes"]}),
        ("History", {"fields": ["origin", "version", "generator_version"]}),
    ]

    class Media:
        css = {"all": ["css/admin-authoring.css"]}

    @admin.display(description=gettext_lazy("Question"), ordering="stem")
    def stem_text(self, obj: Question) -> str:
        # The briefing goes under the stem: a shared bank and an organisation's
        # copy hold the same stems, and a column of its own would starve the stem.
        owner = obj.briefing.organisation.name if obj.briefing.organisation else "shared"
        return format_html(
            '{}<span class="question-briefing">{} · {}</span>', obj.stem, obj.briefing, owner
        )

    @admin.display(description=gettext_lazy("Source"), ordering="origin")
    def origin_short(self, obj: Question) -> str:
        return "generated" if obj.origin == Question.Origin.GENERATED else "hand-written"

    @admin.display(description=gettext_lazy("Difficulty"), ordering="difficulty")
    def difficulty_shown(self, obj: Question) -> str:
        return f"{obj.difficulty:.2f}"

    @admin.display(description=gettext_lazy("Paragraph"), ordering="paragraph__number")
    def source_link(self, obj: Question) -> str:
        return format_html(
            '<a href="{}#p{}">¶{}</a>',
            obj.briefing.get_absolute_url(),
            obj.paragraph.number,
            obj.paragraph.number,
        )

    @admin.display(description=gettext_lazy("Preview"))
    def preview_link(self, obj: Question) -> str:
        if obj.pk is None:
            return "Save first to preview."
        url = reverse("admin:quizzes_question_preview", args=[obj.pk])
        return format_html('<a href="{}">Preview as a trainee sees it</a>', url)

    @admin.display(description=gettext_lazy("Cited sentences"))
    def cited_sentences(self, obj: Question) -> str:
        if not obj.citations:
            return "Saved with its paragraph span."
        url = obj.briefing.get_absolute_url()
        return format_html(
            '<ul class="cited-sentences">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}#p{}">¶{} [{}–{}]</a> {}</li>',
                (
                    (url, c["paragraph"], c["paragraph"], c["start"], c["end"], c["text"])
                    for c in obj.citations
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Never drawn into one quiz with"))
    def clashes(self, obj: Question) -> str:
        if obj.pk is None:
            return "Save first to see which questions share its facts."
        others = (
            Question.objects.filter(briefing_id=obj.briefing_id)
            .exclude(pk=obj.pk)
            .exclude(status=Question.Status.REJECTED)
            .order_by("paragraph__number", "pk")
        )
        rows = [(other, why) for other in others if (why := clash(obj, other))]
        if not rows:
            return "No other question of the bank shares its facts."
        return format_html(
            '<ul class="question-clashes">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a>: {}</li>',
                (
                    (reverse("admin:quizzes_question_change", args=[o.pk]), o, why)
                    for o, why in rows
                ),
            ),
        )

    def view_on_site(self, obj: Question) -> str:
        return f"{obj.briefing.get_absolute_url()}#p{obj.paragraph.number}"

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        base = super().get_changelist_form(request, **kwargs)

        class RowForm(base):  # type: ignore[valid-type,misc]
            """Each row's status select is named after its question for screen readers."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                field = self.fields.get("status")
                if field is not None and self.instance.pk is not None:
                    field.widget.attrs["aria-label"] = f"Status of “{self.instance.stem[:80]}”"

        return RowForm

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # The bank needs the width: without the model sidebar the question text
        # gets about half of a 1280 px screen; breadcrumbs still lead back.
        context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, context)

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "<int:question_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="quizzes_question_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, question_id: int) -> HttpResponse:
        question = get_object_or_404(
            self.get_queryset(request).select_related("paragraph", "briefing"), pk=question_id
        )
        text = question.paragraph.text
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Preview",
            "question": question,
            "before": text[: question.start],
            "sentence": text[question.start : question.end],
            "after": text[question.end :],
            "pairs": list(zip(question.prompts, question.correct, strict=False)),
        }
        return render(request, "admin/quizzes/question/preview.html", context)

    def save_model(self, request: HttpRequest, obj: Question, form: Any, change: bool) -> None:
        services.save_question_edit(question=obj)

    @admin.action(description=gettext_lazy("Approve selected questions"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        count = services.set_question_status(questions=queryset, status=Question.Status.APPROVED)
        self.message_user(
            request,
            ngettext("Approved %(count)d question.", "Approved %(count)d questions.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Reject selected questions"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        count = services.set_question_status(questions=queryset, status=Question.Status.REJECTED)
        self.message_user(
            request,
            ngettext("Rejected %(count)d question.", "Rejected %(count)d questions.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Regenerate the banks of the selected questions' briefings")
    )
    def regenerate(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        briefing_ids = set(queryset.values_list("briefing_id", flat=True))
        regenerate_banks(self, request, Briefing.objects.filter(pk__in=briefing_ids))


def regenerate_banks(
    model_admin: admin.ModelAdmin[Any], request: HttpRequest, briefings: QuerySet[Briefing]
) -> None:
    for briefing in briefings:
        outcome = services.generate_question_bank(briefing=briefing)
        services.ensure_default_quiz(briefing=briefing)
        model_admin.message_user(
            request,
            gettext(
                "%(title)s: %(created)d new, %(refreshed)d refreshed, "
                "%(kept)d kept as reviewed, %(retired)d retired."
            )
            % {
                "title": briefing.title,
                "created": outcome.created,
                "refreshed": outcome.refreshed,
                "kept": outcome.kept,
                "retired": outcome.retired,
            },
            messages.SUCCESS,
        )


@admin.action(description=gettext_lazy("Regenerate question banks"))
def regenerate_briefing_banks(
    model_admin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Briefing]
) -> None:
    regenerate_banks(model_admin, request, queryset)


# The briefing admin gains its question bank here, so the briefings app does
# not depend on the quizzes app.
admin.site.unregister(Briefing)


@admin.register(Briefing)
class BriefingWithQuestionsAdmin(BriefingAdmin):
    inlines = [*BriefingAdmin.inlines, QuestionInline]
    actions = [*BriefingAdmin.actions, regenerate_briefing_banks]
    # Adds the GIFT, Moodle XML and Anki downloads and the question import.
    change_form_template = "admin/quizzes/briefing/change_form.html"

    def get_urls(self) -> list[URLPattern]:
        return [*interop.admin_urls(self), *super().get_urls()]


@admin.register(Quiz)
class QuizAdmin(OrganisationScopedAdmin[Quiz]):
    organisation_path = "briefing__organisation"
    include_shared = True
    list_display = [
        "title",
        "briefing",
        "mode",
        "question_count",
        "time_limit_minutes",
        "pass_mark",
    ]
    list_filter = ["mode", "grading_method"]
    search_fields = ["title", "briefing__title"]
    list_select_related = ["briefing"]
    fieldsets = [
        (None, {"fields": ["briefing", "title", "is_default", "mode"]}),
        (
            "Questions",
            {
                "fields": [
                    "question_count",
                    "questions_per_type",
                    "shuffle_questions",
                    "shuffle_options",
                ]
            },
        ),
        (
            "Attempts",
            {"fields": ["time_limit_minutes", "attempts_allowed", "pass_mark", "grading_method"]},
        ),
        (
            "Practice tries",
            {
                "fields": ["tries_allowed", "try_penalty"],
                "description": "Practice quizzes only: after a wrong check the trainee may "
                "try again until the tries run out; each extra try loses the penalty.",
            },
        ),
        (
            "Review after submission",
            {"fields": ["review_show_answers", "review_show_correct", "review_show_explanations"]},
        ),
    ]


RESPONSE_FIELDS = ("position", "question", "answer", "score", "flagged", "question_version")


class ResponseInline(admin.TabularInline[Response, Attempt]):
    model = Response
    extra = 0
    fields = RESPONSE_FIELDS
    readonly_fields = RESPONSE_FIELDS
    can_delete = False


@admin.register(Attempt)
class AttemptAdmin(OrganisationScopedAdmin[Attempt]):
    # An attempt belongs to the organisation it was taken under, whoever
    # else the trainee trains with: personal practice belongs to none.
    organisation_path = "organisation"
    list_display = ["user", "quiz", "number", "started_at", "finished_at", "score", "passed"]
    list_filter = ["passed", "expired", "quiz"]
    search_fields = ["user__username", "user__email", "quiz__title"]
    list_select_related = ["user", "quiz"]
    readonly_fields = [
        "user",
        "quiz",
        "organisation",
        "number",
        "started_at",
        "deadline",
        "finished_at",
        "score",
        "passed",
        "expired",
    ]
    exclude = ["current_position"]
    inlines = [ResponseInline]


@admin.register(TimeAccommodation)
class TimeAccommodationAdmin(OrganisationScopedAdmin[TimeAccommodation]):
    member_path = "user"
    content_path = "quiz__briefing__organisation"
    list_display = ["user", "quiz", "multiplier"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]


@admin.register(BriefingProgress)
class BriefingProgressAdmin(OrganisationScopedAdmin[BriefingProgress]):
    member_path = "user"
    content_path = "briefing__organisation"
    shared_content = False
    list_display = ["user", "briefing", "status", "best_score", "last_score", "attempts_used"]
    list_filter = ["status", "briefing"]
    list_select_related = ["user", "briefing"]
    search_fields = ["user__username", "briefing__title"]


@admin.register(TermMastery)
class TermMasteryAdmin(OrganisationScopedAdmin[TermMastery]):
    member_path = "user"
    content_path = "term__briefing__organisation"
    shared_content = False
    list_display = ["user", "term", "right", "wrong"]
    list_select_related = ["user", "term"]
    search_fields = ["user__username", "term__term"]
