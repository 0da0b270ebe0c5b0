import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from octet.content.domain.release import ITEM_PARAMS, current_release, default_content_dir
from octet.learning.selectors import item_calibration


class Command(BaseCommand):
    help = (
        "Fit 2PL item parameters from the stored answers and write a new parameter set "
        f"(content/{ITEM_PARAMS}: the next release uses it; review and commit it like content)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            type=Path,
            default=default_content_dir() / ITEM_PARAMS,
            help=f"where to write the parameter set (default: content/{ITEM_PARAMS})",
        )
        parser.add_argument(
            "--min-responses",
            type=int,
            default=100,
            help="answers an item needs to be fitted; below it keeps its parameters (100)",
        )

    def handle(self, *args, out: Path, min_responses: int, **options):
        if min_responses < 1:
            raise CommandError("--min-responses must be at least 1.")
        calibration = item_calibration(min_responses)
        if calibration is None:
            raise CommandError("No stored answer to a challenge of this release: nothing to fit.")
        result = calibration.result
        if not result.calibrated.any():
            self.stdout.write(
                f"{calibration.responses} answers: no challenge has {min_responses} yet, so no "
                "parameter changes and nothing is written."
            )
            return
        parameter_set = calibration.parameter_set(current_release().version, min_responses)
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        partial.write_text(json.dumps(parameter_set, indent=1, sort_keys=True) + "\n", "utf-8")
        os.replace(partial, out)  # a reader never sees half a file
        fitted = int(result.calibrated.sum())
        self.stdout.write(
            f"{calibration.responses} answers from {calibration.learners} learners on "
            f"{len(result.item_ids)} challenges (answers to challenges no longer in the bank, "
            f"left out: {calibration.left_out})."
        )
        self.stdout.write(
            f"{fitted} calibrated, {len(result.item_ids) - fitted} kept as they were (fewer "
            f"than {min_responses} answers), {len(result.misfit)} misfitting; "
            f"{result.iterations} EM cycles, {result.seconds:.1f} s."
        )
        self.stdout.write(
            f"Written to {out}. A release built with it uses the fitted parameters: check it "
            "(make content-check), commit it with the content, restart the server."
        )
        for item, reasons in sorted(result.misfit.items()):
            why = "; ".join(reasons)
            self.stdout.write(f"  misfit, kept as it was until reviewed: {item}: {why}")
