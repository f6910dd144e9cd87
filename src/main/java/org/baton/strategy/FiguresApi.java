package org.baton.strategy;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.baton.identity.BatonUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Key figures over the API; a figure the caller may not see is 404, never 403. */
@RestController
@RequestMapping("/api/v1/figures")
class FiguresApi {

  /** A figure with every value, oldest first. */
  record FigureWithValues(KeyFigure figure, List<KeyFigure.FigureValue> values) {}

  private final KeyFigures figures;

  FiguresApi(KeyFigures figures) {
    this.figures = figures;
  }

  @GetMapping
  @Operation(summary = "The key figures the caller may see, each with its latest value")
  List<KeyFigure> list(@AuthenticationPrincipal BatonUser me) {
    return figures.list(me);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a key figure (editors)",
      description = "visibility: EVERYONE, LEADERS, PEOPLE (with people: person ids) or ADMINS.")
  KeyFigure create(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) FigureDrafts.FigureDraft draft) {
    return figures.create(me, draft == null ? emptyFigure() : draft);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A key figure with its values (404 if the caller may not see it)")
  FigureWithValues get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return new FigureWithValues(figures.find(me, id), figures.values(me, id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a key figure, its level included (editors who may see it)")
  KeyFigure change(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) FigureDrafts.FigureDraft draft) {
    return figures.change(me, id, draft == null ? emptyFigure() : draft);
  }

  @PostMapping("/{id}/values")
  @Operation(
      summary = "Enter a value for a day (editors who may see the figure)",
      description = "A day entered again is replaced. unit, when sent, must be the figure's.")
  KeyFigure value(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) FigureDrafts.ValueDraft draft) {
    return figures.enter(
        me, id, draft == null ? new FigureDrafts.ValueDraft(null, null, null, null) : draft);
  }

  @GetMapping("/{id}/chart")
  @Operation(summary = "The chart's series of a figure: days, values and the target")
  KeyFigures.Chart chart(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return figures.chart(me, id);
  }

  private static FigureDrafts.FigureDraft emptyFigure() {
    return new FigureDrafts.FigureDraft(null, null, null, null, null, null);
  }
}
