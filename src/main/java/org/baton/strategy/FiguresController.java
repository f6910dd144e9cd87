package org.baton.strategy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.Forms;
import org.baton.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The key figures' pages: the list with trends, a figure's chart and values, entry and import. */
@Controller
class FiguresController {

  private final KeyFigures figures;
  private final Strategy strategy;
  private final Directory directory;

  FiguresController(KeyFigures figures, Strategy strategy, Directory directory) {
    this.figures = figures;
    this.strategy = strategy;
    this.directory = directory;
  }

  @GetMapping("/figures")
  String list(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("figures", figures.list(me));
    model.addAttribute("editor", strategy.isEditor(me));
    return "strategy/figures";
  }

  @GetMapping("/figures/new")
  String newFigure(@AuthenticationPrincipal BatonUser me, Model model) {
    requireEditor(me);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("visibility", "EVERYONE"));
    }
    model.addAttribute("levels", Visibility.values());
    return "strategy/figure-form";
  }

  @PostMapping("/figures")
  String create(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    requireEditor(me);
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          KeyFigure figure = figures.create(me, draft(form));
          return "redirect:/figures/" + figure.id();
        },
        () -> newFigure(me, model));
  }

  /** A figure: its chart, its values (newest first) and, for editors, entry and import. */
  @GetMapping("/figures/{id}")
  String figure(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    KeyFigure figure = figures.find(me, id);
    model.addAttribute("f", figure);
    List<KeyFigure.FigureValue> values = new ArrayList<>(figures.values(me, id));
    java.util.Collections.reverse(values);
    model.addAttribute("values", values.subList(0, Math.min(values.size(), 24)));
    model.addAttribute("valueCount", values.size());
    model.addAttribute("editor", strategy.isEditor(me));
    model.addAttribute(
        "people", directory.people(figure.people()).stream().map(Person::name).toList());
    return "strategy/figure";
  }

  @GetMapping(value = "/figures/{id}/chart", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  KeyFigures.Chart chart(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return figures.chart(me, id);
  }

  @GetMapping("/figures/{id}/export")
  ResponseEntity<String> export(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    String csv = figures.exportCsv(me, id);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"figure-" + id + ".csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv);
  }

  @GetMapping("/figures/{id}/edit")
  String edit(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    KeyFigure f = figures.find(me, id);
    requireEditor(me);
    if (!model.containsAttribute("form")) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("name", f.name());
      form.put("unit", f.unit());
      form.put("description", f.description());
      form.put("target", f.target() == null ? "" : f.target().toPlainString());
      form.put("visibility", f.visibility().name());
      form.put(
          "people",
          String.join(", ", directory.people(f.people()).stream().map(Person::email).toList()));
      model.addAttribute("form", form);
    }
    model.addAttribute("f", f);
    model.addAttribute("levels", Visibility.values());
    return "strategy/figure-form";
  }

  @PostMapping("/figures/{id}/edit")
  String change(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect,
      HttpServletResponse response,
      Model model) {
    figures.find(me, id);
    requireEditor(me);
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          figures.change(me, id, draft(form));
          redirect.addFlashAttribute("message", "Saved.");
          return "redirect:/figures/" + id;
        },
        () -> edit(me, id, model));
  }

  @PostMapping("/figures/{id}/values")
  String enter(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    KeyFigure f = figures.find(me, id);
    requireEditor(me);
    String back = "redirect:/figures/" + id;
    return Forms.back(
        redirect,
        back,
        Map.of("form", form),
        () -> {
          List<FieldProblem> problems = new ArrayList<>();
          FigureValueText.Reading reading = FigureValueText.read(form.get("value"), f.unit());
          if (reading.value().isEmpty()) {
            problems.add(new FieldProblem("value", reading.problem()));
          }
          var on = StrategyForms.date(form, "on", problems);
          InvalidInputException.throwIfAny(problems);
          figures.enter(
              me,
              id,
              new FigureDrafts.ValueDraft(on, reading.value().get(), null, form.get("comment")));
          redirect.addFlashAttribute("message", "Value saved.");
          return back;
        });
  }

  @PostMapping("/figures/{id}/import")
  String importCsv(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    figures.find(me, id);
    requireEditor(me);
    try {
      int stored = figures.importCsv(me, id, file == null ? null : file.getBytes());
      redirect.addFlashAttribute("message", "Imported " + stored + " values.");
    } catch (InvalidInputException e) {
      // flash attributes live in the session, which keeps plain text
      redirect.addFlashAttribute(
          "importProblems",
          new ArrayList<>(e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
    }
    return "redirect:/figures/" + id;
  }

  private void requireEditor(BatonUser me) {
    strategy.requireEditor(me, "keep key figures");
  }

  private FigureDrafts.FigureDraft draft(Map<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal target = null;
    String targetText = form.getOrDefault("target", "").strip();
    if (!targetText.isEmpty()) {
      try {
        target = new BigDecimal(targetText);
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem("target", "Write a number, such as 12.5, or leave it empty."));
      }
    }
    Visibility visibility = null;
    try {
      visibility = Visibility.valueOf(form.getOrDefault("visibility", ""));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("visibility", "Choose who may see it."));
    }
    List<Long> people = StrategyForms.people(form.get("people"), "people", directory, problems);
    InvalidInputException.throwIfAny(problems);
    return new FigureDrafts.FigureDraft(
        form.get("name"), form.get("unit"), form.get("description"), target, visibility, people);
  }
}
