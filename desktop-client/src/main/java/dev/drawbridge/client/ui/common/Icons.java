package dev.drawbridge.client.ui.common;

import dev.drawbridge.client.ui.tool.ToolKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The Material Design icons the app uses. */
public final class Icons {
  private Icons() {}

  public static FontIcon of(Ikon ikon) {
    FontIcon icon = new FontIcon(ikon);
    icon.setIconSize(18);
    icon.getStyleClass().add("app-icon");
    return icon;
  }

  public static Ikon forTool(ToolKind kind) {
    return switch (kind) {
      case SELECT -> MaterialDesignC.CURSOR_DEFAULT_OUTLINE;
      case PEN -> MaterialDesignP.PENCIL_OUTLINE;
      case HIGHLIGHTER -> MaterialDesignM.MARKER;
      case LINE -> MaterialDesignV.VECTOR_LINE;
      case ARROW -> MaterialDesignA.ARROW_TOP_RIGHT;
      case RECTANGLE -> MaterialDesignR.RECTANGLE_OUTLINE;
      case ELLIPSE -> MaterialDesignE.ELLIPSE_OUTLINE;
      case TEXT -> MaterialDesignF.FORMAT_TEXT;
      case NOTE -> MaterialDesignN.NOTE_OUTLINE;
      case ERASER -> MaterialDesignE.ERASER;
      case LASER -> MaterialDesignL.LASER_POINTER;
    };
  }
}
