"""`validate_spec`: a normalised copy of an instrument spec, or SpecError naming every problem."""

from __future__ import annotations

from django.utils.translation import gettext as _

from inkubator.assessment.instrument_io.spec import (
    INTEGER_RE,
    KINDS,
    OPTION_KINDS,
    OPTION_VALUE_RE,
    SCORE_DIGITS,
    SLUG_RE,
    VALUE_DIGITS,
    WEIGHT_DIGITS,
    YES_NO_OPTIONS,
    Problems,
    SpecError,
    check_code,
    label_of,
    read_bool,
    read_list,
    read_number,
    read_text,
)


def validate_spec(spec) -> dict:
    """A normalised copy of `spec` (Decimals, stripped text, defaults filled), or SpecError with every problem.

    Defaults: `version` 1; empty English texts and guidance ""; indicator `weight` 1 (text: 0);
    `required` True (text: False); `evidence_required` False; `min_value`/`max_value` None; a yes/no
    indicator without options gets Ya/Tidak scored 1/0. Keys outside the schema are dropped.
    """
    problems = Problems()
    if not isinstance(spec, dict):
        problems.instrument("spec", _("must be an object"))
        raise SpecError(problems.messages)
    report = problems.instrument
    result = {"code": read_text(spec, "code", report, required=True)}
    if result["code"] and not SLUG_RE.match(result["code"]):
        report(
            "code",
            _("%(value)s is not a valid slug: use up to 40 letters, digits, '-' or '_'")
            % {"value": result["code"]},
        )
    version = spec.get("version", 1)
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version.strip())
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        report("version", _("must be a whole number of at least 1"))
        version = 1
    result["version"] = version
    result["name"] = read_text(spec, "name", report, required=True)
    for key in ("name_en", "description", "description_en"):
        result[key] = read_text(spec, key, report)

    seen: dict[str, str] = {}
    raw_dimensions = read_list(spec, "dimensions", report)
    if not raw_dimensions and isinstance(spec.get("dimensions", []), list | tuple):
        report("dimensions", _("the instrument has no dimensions"))
    result["dimensions"] = []
    for d_pos, raw_dim in enumerate(raw_dimensions, start=1):
        d_label = label_of(raw_dim, d_pos)
        if not isinstance(raw_dim, dict):
            problems.dimension(d_label, "dimension", _("must be an object"))
            continue
        result["dimensions"].append(_validate_dimension(raw_dim, d_label, problems, seen))
    weights = [d["weight"] for d in result["dimensions"]]
    if weights and all(w is not None for w in weights) and not any(w > 0 for w in weights):
        report("dimensions", _("all dimension weights are zero"))
    if problems.messages:
        raise SpecError(problems.messages)
    return result


def _validate_dimension(raw, d_label, problems, seen) -> dict:
    def report(field, problem):
        problems.dimension(d_label, field, problem)

    dim = {"code": read_text(raw, "code", report, required=True)}
    check_code(dim["code"], report, seen)
    dim["name"] = read_text(raw, "name", report, required=True)
    dim["name_en"] = read_text(raw, "name_en", report)
    dim["weight"] = read_number(raw, "weight", report, digits=WEIGHT_DIGITS, required=True, negative=False)
    raw_indicators = read_list(raw, "indicators", report)
    if not raw_indicators and isinstance(raw.get("indicators", []), list | tuple):
        report("indicators", _("the dimension has no indicators"))
    dim["indicators"] = []
    for i_pos, raw_ind in enumerate(raw_indicators, start=1):
        i_label = label_of(raw_ind, i_pos)
        if not isinstance(raw_ind, dict):
            problems.indicator(d_label, i_label, "indicator", _("must be an object"))
            continue
        dim["indicators"].append(_validate_indicator(raw_ind, d_label, i_label, problems, seen))
    scored = [i for i in dim["indicators"] if i["kind"] != "text" and i["weight"] is not None]
    if dim["weight"] and dim["indicators"] and not any(i["weight"] > 0 for i in scored):
        report(
            "indicators",
            _("the dimension has a weight but none of its scored indicators has a weight above zero"),
        )
    return dim


def _validate_indicator(raw, d_label, i_label, problems, seen) -> dict:
    def report(field, problem):
        problems.indicator(d_label, i_label, field, problem)

    ind = {"code": read_text(raw, "code", report, required=True)}
    check_code(ind["code"], report, seen)
    kind = raw.get("kind")
    if kind not in KINDS:
        report(
            "kind",
            _("unknown kind %(kind)s; expected one of %(kinds)s")
            % {"kind": repr(kind), "kinds": ", ".join(KINDS)},
        )
        kind = None
    ind["kind"] = kind
    is_text = kind == "text"
    ind["question"] = read_text(raw, "question", report, required=True)
    for key in ("question_en", "guidance", "guidance_en"):
        ind[key] = read_text(raw, key, report)
    ind["weight"] = read_number(
        raw, "weight", report, digits=WEIGHT_DIGITS, default="0" if is_text else "1", negative=False
    )
    ind["required"] = read_bool(raw, "required", report, default=not is_text)
    ind["evidence_required"] = read_bool(raw, "evidence_required", report, default=False)
    ind["unit"] = read_text(raw, "unit", report)
    ind["unit_en"] = read_text(raw, "unit_en", report)
    ind["min_value"] = read_number(raw, "min_value", report, digits=VALUE_DIGITS)
    ind["max_value"] = read_number(raw, "max_value", report, digits=VALUE_DIGITS)
    ind["options"] = _validate_options(read_list(raw, "options", report), report)
    ind["bands"] = _validate_bands(read_list(raw, "bands", report), report)

    if kind is None:
        return ind
    if is_text and ind["weight"] is not None and ind["weight"] != 0:
        report(
            "weight",
            _("text indicators are not scored: the weight must be 0, got %(weight)s")
            % {"weight": ind["weight"]},
        )
    if kind not in OPTION_KINDS and ind["options"]:
        report("options", _("options apply to scale, choice and yes/no indicators only"))
    if kind != "number":
        if ind["bands"]:
            report("bands", _("bands apply to number indicators only"))
        if ind["min_value"] is not None or ind["max_value"] is not None:
            report("min_value", _("min_value and max_value apply to number indicators only"))
    if kind == "yes_no" and not raw.get("options"):
        ind["options"] = [dict(o) for o in YES_NO_OPTIONS]
    if kind in OPTION_KINDS:
        _check_option_kind(ind, report)
    elif kind == "number":
        _check_number(ind, report)
    return ind


def _validate_options(raw_options, report) -> list[dict]:
    options = []
    for pos, raw in enumerate(raw_options, start=1):
        field = f"options[{pos}]"
        if not isinstance(raw, dict):
            report(field, _("must be an object"))
            continue

        def opt_report(key, problem, field=field):
            report(f"{field}.{key}", problem)

        value = raw.get("value")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        option = {"value": read_text({"value": value}, "value", opt_report, required=True)}
        if option["value"] and not OPTION_VALUE_RE.match(option["value"]):
            opt_report(
                "value",
                _(
                    "%(value)s is not a valid option value: use up to 40 letters, digits, "
                    "'_', '.' or '-', without spaces"
                )
                % {"value": option["value"]},
            )
        option["label"] = read_text(raw, "label", opt_report, required=True)
        option["label_en"] = read_text(raw, "label_en", opt_report)
        option["score"] = read_number(raw, "score", opt_report, digits=SCORE_DIGITS, required=True)
        options.append(option)
    return options


def _validate_bands(raw_bands, report) -> list[dict]:
    bands = []
    for pos, raw in enumerate(raw_bands, start=1):
        field = f"bands[{pos}]"
        if not isinstance(raw, dict):
            report(field, _("must be an object"))
            continue

        def band_report(key, problem, field=field):
            report(f"{field}.{key}", problem)

        bands.append(
            {
                "lower": read_number(raw, "lower", band_report, digits=VALUE_DIGITS),
                "upper": read_number(raw, "upper", band_report, digits=VALUE_DIGITS),
                "score": read_number(raw, "score", band_report, digits=SCORE_DIGITS, required=True),
            }
        )
    return bands


def _check_option_kind(ind, report):
    options, kind = ind["options"], ind["kind"]
    values = [o["value"] for o in options]
    if kind == "scale":
        if len(options) < 2:
            report("options", _("a scale needs at least 2 levels, got %(count)s") % {"count": len(options)})
        for pos, option in enumerate(options, start=1):
            value = option["value"]
            if value and not INTEGER_RE.match(value):
                report(f"options[{pos}].value", _("level %(value)s is not a whole number") % {"value": value})
            elif value and option["score"] is not None and option["score"] != int(value):
                report(
                    f"options[{pos}].score",
                    _("the score of level %(value)s must be %(value)s, got %(score)s")
                    % {"value": value, "score": option["score"]},
                )
    elif kind == "choice":
        if len(options) < 2:
            report("options", _("a choice needs at least 2 options, got %(count)s") % {"count": len(options)})
    elif kind == "yes_no" and values != ["yes", "no"]:
        report(
            "options",
            _("a yes/no indicator needs exactly the options yes and no, in that order; got %(values)s")
            % {"values": ", ".join(values) or "-"},
        )
    seen = set()
    for pos, value in enumerate(values, start=1):
        if value and value in seen:
            message = (
                _("duplicate level %(value)s") if kind == "scale" else _("duplicate option value %(value)s")
            )
            report(f"options[{pos}].value", message % {"value": value})
        seen.add(value)
    scores = {o["score"] for o in options}
    if len(options) >= 2 and len(scores) == 1 and None not in scores:
        report(
            "options",
            _("all options have the same score %(score)s, so the indicator cannot tell centres apart")
            % {"score": scores.pop()},
        )


def _check_number(ind, report):
    bands, low, high = ind["bands"], ind["min_value"], ind["max_value"]
    if low is not None and high is not None and low > high:
        report(
            "min_value",
            _("the minimum %(min)s is greater than the maximum %(max)s") % {"min": low, "max": high},
        )
    if not bands:
        report("bands", _("a number indicator needs at least one scoring band"))
        return
    last = len(bands)
    for pos, band in enumerate(bands, start=1):
        _check_band(band, pos, last, report)
        if pos > 1:
            _check_band_after(band, bands[pos - 2], pos, report)
    _check_band_ends(bands, low, high, report)
    scores = {b["score"] for b in bands}
    if len(scores) == 1 and None not in scores:
        report(
            "bands",
            _("all bands have the same score %(score)s, so the indicator cannot tell centres apart")
            % {"score": scores.pop()},
        )


def _check_band(band, pos, last, report):
    """One band on its own: only the ends may be open, and lower comes below upper."""
    lower, upper = band["lower"], band["upper"]
    if lower is None and pos != 1:
        report(f"bands[{pos}].lower", _("only the first band may be open below (empty lower)"))
    if upper is None and pos != last:
        report(f"bands[{pos}].upper", _("only the last band may be open above (empty upper)"))
    if lower is not None and upper is not None and lower >= upper:
        report(
            f"bands[{pos}]",
            _("the lower bound %(lower)s must be below the upper bound %(upper)s")
            % {"lower": lower, "upper": upper},
        )


def _check_band_after(band, previous, pos, report):
    """A band against the one before it: sorted, no overlap, no gap."""
    lower = band["lower"]
    if lower is None or previous["upper"] is None:
        return
    if previous["lower"] is not None and lower < previous["lower"]:
        report(
            f"bands[{pos}].lower",
            _("the bands must be sorted: %(lower)s comes after %(previous)s")
            % {"lower": lower, "previous": previous["lower"]},
        )
    elif lower < previous["upper"]:
        report(
            f"bands[{pos}].lower",
            _("overlaps the previous band, which ends at %(upper)s") % {"upper": previous["upper"]},
        )
    elif lower > previous["upper"]:
        report(
            f"bands[{pos}].lower",
            _("leaves a gap after the previous band, which ends at %(upper)s") % {"upper": previous["upper"]},
        )


def _check_band_ends(bands, low, high, report):
    """The bands cover the indicator's minimum and maximum (or are open at that end)."""
    last = len(bands)
    first_lower, last_upper = bands[0]["lower"], bands[-1]["upper"]
    if first_lower is not None and (low is None or first_lower > low):
        if low is None:
            report(
                "bands[1].lower",
                _(
                    "the bands start at %(lower)s but no minimum is set: set min_value or "
                    "leave the first lower bound empty"
                )
                % {"lower": first_lower},
            )
        else:
            report(
                "bands[1].lower",
                _("the bands start at %(lower)s, above the minimum %(min)s")
                % {"lower": first_lower, "min": low},
            )
    if last_upper is not None and (high is None or last_upper <= high):
        if high is None:
            report(
                f"bands[{last}].upper",
                _(
                    "the bands end below %(upper)s but no maximum is set: set max_value "
                    "or leave the last upper bound empty"
                )
                % {"upper": last_upper},
            )
        else:
            report(
                f"bands[{last}].upper",
                _("the bands end below %(upper)s but the maximum is %(max)s")
                % {"upper": last_upper, "max": high},
            )
